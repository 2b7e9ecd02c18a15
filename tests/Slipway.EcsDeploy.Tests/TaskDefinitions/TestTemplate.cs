using Slipway.Aws.Ecs;
using Slipway.EcsDeploy.TaskDefinitions;

namespace Slipway.EcsDeploy.Tests.TaskDefinitions;

/// <summary>A template file as a user writes it (defaults left out, image and environment as variables) in a temporary folder, with a family of its own.</summary>
public sealed class TestTemplate : IDisposable
{
    public const string Text = """
        {
          // The API and its log router.
          "family": "${Family}",
          "networkMode": "host",
          "containerDefinitions": [
            {
              "name": "web", "image": "${Image}",
              "environment": [{ "name": "STAGE", "value": "${Environment}" }, { "name": "A", "value": "1" }],
              "portMappings": [{ "containerPort": 8080 }]
            },
            { "name": "log", "image": "registry.local/log:1" }
          ]
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("slipway-template-").FullName;

    /// <summary>The family and service name, unique to this test.</summary>
    public string Family { get; } = $"api-{Guid.NewGuid():N}"[..16];

    /// <summary>The template file (<see cref="Text"/> unless <paramref name="text"/> is given), written, with <paramref name="image"/> for the web container.</summary>
    public TaskDefinitionTemplateFile File(string image, string? text = null)
    {
        var path = Path.Combine(_folder, "task-definition.json");
        System.IO.File.WriteAllText(path, text ?? Text);
        return new TaskDefinitionTemplateFile(path, new Dictionary<string, string>
        {
            ["Family"] = Family, ["Image"] = image, ["Environment"] = "staging",
        });
    }

    /// <summary>The template rendered with <paramref name="image"/>.</summary>
    public TaskDefinition Render(string image) => File(image).Render(Text);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

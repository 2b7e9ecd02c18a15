using System.Text.Json.Nodes;
using Amazon.Runtime;
using Slipway.Aws;
using Slipway.Aws.Ecs;
using Slipway.EcsDeploy.Tests.Deployments.Infrastructure;
using Slipway.LocalAws;
using Slipway.LocalAws.Tests.Ecs.Infrastructure;

namespace Slipway.EcsDeploy.Tests.TaskDefinitions;

/// <summary>
/// The local platform in a fresh data folder, with an ECS client whose every call is recorded by target, so a test can
/// assert which operations a verb sent (a dry run: only Describe and List).
/// </summary>
public sealed class LocalEcs : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("slipway-ecsdeploy-").FullName;
    private LocalAwsPlatform? _platform;

    public RecordingHandler Calls { get; } = new();

    public EcsClient Ecs { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await TestDocker.RequireEngineAsync(); // services need the engine; in CI a missing one fails the test
        _platform = await LocalAwsPlatform.StartAsync(new LocalAwsOptions { DataDirectory = _data });
        var keys = _platform.Account("development");
        Ecs = new EcsClient(new AwsClientOptions
        {
            Region = _platform.Region,
            ServiceUrl = _platform.Endpoint.ToString(),
            Credentials = new BasicAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey),
            HttpHandler = Calls,
        });
    }

    public async Task DisposeAsync()
    {
        Ecs?.Dispose();
        if (_platform is not null)
            await _platform.DisposeAsync();
        Calls.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    /// <summary>Registers <paramref name="template"/> and creates a service on it with no tasks (comparisons need no running container).</summary>
    public async Task<string> CreateServiceAsync(string service, TaskDefinition template)
    {
        var registered = await Ecs.RegisterTaskDefinitionAsync(template.ToRegisterRequest());
        await Ecs.Transport.InvokeAsync("CreateService", new JsonObject
        {
            ["serviceName"] = service,
            ["taskDefinition"] = registered.TaskDefinition.TaskDefinitionArn,
            ["desiredCount"] = 0,
        });
        Calls.Clear();
        return registered.TaskDefinition.TaskDefinitionArn!;
    }

    /// <summary>Every revision of <paramref name="family"/>.</summary>
    public async Task<IReadOnlyList<string>> RevisionsAsync(string family) =>
        (await Ecs.ListTaskDefinitionsAsync(new ListTaskDefinitionsRequest { FamilyPrefix = family })).TaskDefinitionArns;
}

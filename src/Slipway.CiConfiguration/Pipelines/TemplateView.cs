using System.Text.Json;
using static Slipway.CiConfiguration.Pipelines.PipelineChecks;

namespace Slipway.CiConfiguration.Pipelines;

/// <summary>The parts of a read template the checks look up: resources by type, and what a reference points at.</summary>
internal sealed class TemplateView(IReadOnlyDictionary<string, object?> template)
{
    private IReadOnlyDictionary<string, object?> Resources => Get(template, "Resources") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();

    private IReadOnlyDictionary<string, object?> Parameters => Get(template, "Parameters") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();

    public IEnumerable<(string Id, object? Properties)> ResourcesOfType(string type) =>
        Resources.Where(x => Text(Get(x.Value, "Type")) == type).OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => (x.Key, Get(x.Value, "Properties")));

    /// <summary>A Ref or GetAtt of an IAM role of the template, or a Ref of a parameter (the role's ARN from outside).</summary>
    public bool IsRole(object? reference) => Target(reference) is { } target &&
        (Parameters.ContainsKey(target) || Text(Get(Get(Resources, target), "Type")) == "AWS::IAM::Role");

    /// <summary>A Ref of a CodeBuild project of the template or of a parameter, or a literal equal to a project's Name.</summary>
    public bool IsProject(object? reference) => reference is string name
        ? ResourcesOfType("AWS::CodeBuild::Project").Any(x => Text(Get(x.Properties, "Name")) == name)
        : Target(reference) is { } target && (Parameters.ContainsKey(target) || Text(Get(Get(Resources, target), "Type")) == "AWS::CodeBuild::Project");

    private static string? Target(object? reference) => reference switch
    {
        IReadOnlyDictionary<string, object?> map when Get(map, "Ref") is string name => name,
        IReadOnlyDictionary<string, object?> map when Get(map, "Fn::GetAtt") is IReadOnlyList<object?> { Count: 2 } pair => pair[0] as string,
        IReadOnlyDictionary<string, object?> map when Get(map, "Fn::GetAtt") is string dotted => dotted.Split('.')[0],
        _ => null,
    };
}

/// <summary>One action of a pipeline with what the checks read of it.</summary>
internal sealed record ActionView(int StageIndex, string Stage, object? Action)
{
    public string Name => Text(Get(Action, "Name")) ?? "(unnamed)";

    public string? Category => Text(Get(Get(Action, "ActionTypeId"), "Category"));

    public string? Provider => Text(Get(Get(Action, "ActionTypeId"), "Provider"));

    public int RunOrder => int.TryParse(Text(Get(Action, "RunOrder")) ?? (Get(Action, "RunOrder") is int n ? n.ToString() : "1"), out var order) ? order : 1;

    public IReadOnlyList<string> Inputs => Artifacts("InputArtifacts");

    public IReadOnlyList<string> Outputs => Artifacts("OutputArtifacts");

    /// <summary>The targets the action's SLIPWAY_TARGET environment variable runs (CodeBuild actions); empty when it sets none.</summary>
    public IReadOnlyList<string> Targets
    {
        get
        {
            if (Text(Get(Get(Action, "Configuration"), "EnvironmentVariables")) is not { } json)
                return [];
            try
            {
                using var document = JsonDocument.Parse(json);
                return document.RootElement.EnumerateArray()
                    .Where(x => x.TryGetProperty("name", out var name) && name.GetString() == "SLIPWAY_TARGET" && x.TryGetProperty("value", out _))
                    .SelectMany(x => (x.GetProperty("value").GetString() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    .ToList();
            }
            catch (JsonException)
            {
                return [];
            }
        }
    }

    private IReadOnlyList<string> Artifacts(string key) => List(Get(Action, key)).Select(x => Text(Get(x, "Name"))).OfType<string>().ToList();
}

using System.Text.Json;

namespace Slipway.CiConfiguration.Pipelines;

/// <summary>
/// What cfn-lint cannot see in a CloudFormation template's CodePipeline pipelines (any template, not only generated ones): stage order, each
/// provider's <c>Configuration</c> keys, artifacts produced before they are used, approval before promotion, roles that exist, the
/// execution mode, and privileged CodeBuild projects (Docker).
/// </summary>
public static class PipelineChecks
{
    private const string PipelineType = "AWS::CodePipeline::Pipeline";

    /// <summary>Every problem of the template's pipelines and CodeBuild projects; empty when there is none.</summary>
    /// <exception cref="FormatException">The text is not a YAML or JSON template.</exception>
    public static IReadOnlyList<PipelineProblem> Check(string templateText) => Check(CloudFormationYaml.Read(templateText));

    /// <summary>Every problem of a template read by <see cref="CloudFormationYaml.Read"/>.</summary>
    public static IReadOnlyList<PipelineProblem> Check(IReadOnlyDictionary<string, object?> template)
    {
        var view = new TemplateView(template);
        var problems = new List<PipelineProblem>();
        foreach (var (id, properties) in view.ResourcesOfType("AWS::CodeBuild::Project"))
        {
            if (!IsTrue(Get(Get(properties, "Environment"), "PrivilegedMode")))
                problems.Add(new PipelineProblem(null, null, null, $"CodeBuild project '{id}' does not run in privileged mode, so its builds have no Docker engine: set Environment.PrivilegedMode: true."));
            CheckRole(view, Get(properties, "ServiceRole"), $"CodeBuild project '{id}' ServiceRole", problems, null);
        }

        foreach (var (id, properties) in view.ResourcesOfType(PipelineType))
            CheckPipeline(view, id, properties, problems);
        return problems;
    }

    private static void CheckPipeline(TemplateView template, string id, object? properties, List<PipelineProblem> problems)
    {
        void Add(string? stage, string? action, string message) => problems.Add(new PipelineProblem(id, stage, action, message));

        CheckRole(template, Get(properties, "RoleArn"), "RoleArn", problems, id);
        var stages = List(Get(properties, "Stages"));
        var actions = stages.SelectMany((stage, index) => List(Get(stage, "Actions")).Select(action => new ActionView(index, Text(Get(stage, "Name")) ?? $"#{index + 1}", action))).ToList();

        var mode = Text(Get(properties, "ExecutionMode"));
        if (mode is null)
            Add(null, null, "ExecutionMode is not set: set it explicitly (QUEUED where an approval waits, SUPERSEDED for builds that only need the newest commit).");
        if (actions.FirstOrDefault(x => x.Provider == "Manual") is { } approval && mode is not null && mode != "QUEUED")
            Add(approval.Stage, approval.Name, $"ExecutionMode is '{mode}' but the pipeline waits for a manual approval: a newer run would supersede the waiting one. Set ExecutionMode: QUEUED.");

        // Stage order: the sources first, and only there.
        if (stages.Count == 0 || !actions.Any(x => x.StageIndex == 0) || actions.Where(x => x.StageIndex == 0).Any(x => x.Category != "Source"))
            Add(stages.Count == 0 ? null : Text(Get(stages[0], "Name")), null, "The first stage must hold the Source actions, and only them.");
        foreach (var source in actions.Where(x => x.Category == "Source" && x.StageIndex > 0))
            Add(source.Stage, source.Name, "A Source action outside the first stage: move it to the first stage.");

        foreach (var action in actions)
        {
            foreach (var message in ConfigurationProblems(template, action))
                Add(action.Stage, action.Name, message);
            CheckRole(template, Get(action.Action, "RoleArn"), "RoleArn", problems, id, action.Stage, action.Name, optional: true);
            foreach (var input in action.Inputs)
            {
                var producedEarlier = actions.Any(x => x.Outputs.Contains(input) && (x.StageIndex < action.StageIndex || (x.StageIndex == action.StageIndex && x.RunOrder < action.RunOrder)));
                if (!producedEarlier)
                    Add(action.Stage, action.Name, $"Input artifact '{input}' is not produced by an earlier action of this pipeline: name an output artifact of an earlier stage (or of a lower RunOrder).");
            }
        }

        // Promotion and the release tag need an approval before them: a stage running PromoteRelease or TagRelease comes after a Manual action.
        foreach (var promote in actions.Where(x => x.Provider == "CodeBuild" && (x.Targets.Contains("PromoteRelease") || x.Targets.Contains("TagRelease"))))
        {
            if (!actions.Any(x => x.Provider == "Manual" && x.StageIndex < promote.StageIndex))
                Add(promote.Stage, promote.Name, $"The action runs {(promote.Targets.Contains("PromoteRelease") ? "PromoteRelease" : "TagRelease")} without a Manual approval action in an earlier stage: add an approval stage before it.");
        }
    }

    private static IEnumerable<string> ConfigurationProblems(TemplateView template, ActionView action)
    {
        var configuration = action.Action is IReadOnlyDictionary<string, object?> map ? Get(map, "Configuration") : null;
        IEnumerable<string> Missing(params string[] keys) => keys.Where(key => Get(configuration, key) is null)
            .Select(key => $"{action.Provider} action has no Configuration.{key}: add it.");

        switch (action.Provider)
        {
            case "ECS":
                return Missing("ClusterName", "ServiceName");
            case "CodeStarSourceConnection":
                return Missing("ConnectionArn", "FullRepositoryId", "BranchName");
            case "CodeBuild":
                var project = Get(configuration, "ProjectName");
                if (project is null)
                    return Missing("ProjectName");
                return template.IsProject(project) ? [] : [$"CodeBuild action's ProjectName {Describe(project)} is no AWS::CodeBuild::Project of the template (nor a parameter): Ref the project's logical id or use its Name."];
            case "S3" when action.Category == "Deploy":
                var missing = Missing("BucketName", "Extract").ToList();
                if (Get(configuration, "Extract") is { } extract && !IsTrue(extract) && Get(configuration, "ObjectKey") is null)
                    missing.Add("S3 deploy action with Extract false has no Configuration.ObjectKey: add the object key the artifact is written to.");
                return missing;
            case "Manual" when action.Inputs.Count > 0 || action.Outputs.Count > 0:
                return ["A Manual approval action takes no input or output artifacts: remove its InputArtifacts and OutputArtifacts."];
            default:
                return [];
        }
    }

    private static void CheckRole(TemplateView template, object? reference, string what, List<PipelineProblem> problems, string? pipeline, string? stage = null, string? action = null, bool optional = false)
    {
        if (reference is null && optional)
            return;
        if (!template.IsRole(reference))
            problems.Add(new PipelineProblem(pipeline, stage, action,
                $"{what} {Describe(reference)} refers to no role of the template: Ref or Fn::GetAtt an AWS::IAM::Role resource, or Ref a parameter holding the role's ARN."));
    }

    private static string Describe(object? value) => value switch
    {
        null => "(missing)",
        string text => $"'{text}'",
        _ => $"'{JsonSerializer.Serialize(value)}'",
    };

    internal static object? Get(object? map, string key) =>
        map is IReadOnlyDictionary<string, object?> dictionary && dictionary.TryGetValue(key, out var value) ? value : null;

    internal static string? Text(object? value) => value as string;

    internal static IReadOnlyList<object?> List(object? value) => value as IReadOnlyList<object?> ?? [];

    private static bool IsTrue(object? value) => value is true || (value is string text && text.Equals("true", StringComparison.OrdinalIgnoreCase));
}

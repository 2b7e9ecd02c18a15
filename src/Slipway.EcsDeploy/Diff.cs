using DiffPlex.Renderer;
using Slipway.Aws.Ecs;
using Slipway.EcsDeploy.TaskDefinitions;

namespace Slipway.EcsDeploy;

/// <summary>Diff's result: the unified diff of the normalised definitions.</summary>
/// <param name="RunningArn">The running revision's ARN, the old side; null when the service runs none.</param>
/// <param name="Text">Unified diff with "--- arn" and "+++ new" headers; empty when nothing would change.</param>
public sealed record DiffResult(string? RunningArn, string Text)
{
    /// <summary>Whether a deploy would register a new revision.</summary>
    public bool HasChanges => Text.Length > 0;
}

/// <summary>Diff: what a deploy would change in the task definition, read-only.</summary>
public static class TaskDefinitionDiff
{
    /// <summary>Builds the definition <paramref name="request"/> would register and diffs it, normalised, against the one the service runs; makes only Describe calls.</summary>
    public static async Task<DiffResult> DiffAsync(EcsClient ecs, RegisterRequest request, CancellationToken cancellationToken = default)
    {
        var (candidate, running) = await request.Source.ResolveAsync(ecs, request.Cluster, request.Service, cancellationToken, request.ServiceMustExist)
            .ConfigureAwait(false);
        var runningArn = running?.TaskDefinition.TaskDefinitionArn;
        return new DiffResult(runningArn, Unified(running?.TaskDefinition, candidate, runningArn ?? "/dev/null"));
    }

    /// <summary>The unified diff of two definitions in normal form (empty when equal: DiffPlex renders no hunk); <paramref name="running"/> null diffs against nothing.</summary>
    public static string Unified(TaskDefinition? running, TaskDefinition candidate, string runningName)
    {
        var before = running is null ? "" : TaskDefinitionNormalizer.ToText(running) + "\n";
        var after = TaskDefinitionNormalizer.ToText(candidate) + "\n";
        return new UnidiffRenderer(contextLines: 3).Generate(before, after, runningName, "new");
    }
}

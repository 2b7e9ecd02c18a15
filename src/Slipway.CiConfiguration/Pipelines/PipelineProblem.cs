namespace Slipway.CiConfiguration.Pipelines;

/// <summary>What is wrong with a pipeline template, and where: the pipeline's logical id, the stage and the action when they apply.</summary>
public sealed record PipelineProblem(string? Pipeline, string? Stage, string? Action, string Message)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = string.Join(", ", new[] { ("pipeline", Pipeline), ("stage", Stage), ("action", Action) }
            .Where(x => x.Item2 is not null).Select(x => $"{x.Item1} '{x.Item2}'"));
        return where.Length == 0 ? Message : $"{where}: {Message}";
    }
}

/// <summary>A pipeline template that cannot be generated or fails <see cref="PipelineChecks"/>; the message lists every problem.</summary>
public sealed class PipelineTemplateException(IReadOnlyList<PipelineProblem> problems)
    : Exception($"The pipeline template has {problems.Count} problem(s):\n" + string.Join("\n", problems.Select(x => $"  - {x}")))
{
    /// <summary>Every problem found.</summary>
    public IReadOnlyList<PipelineProblem> Problems { get; } = problems;
}

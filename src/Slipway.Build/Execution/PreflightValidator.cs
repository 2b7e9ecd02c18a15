namespace Slipway.Execution;

/// <summary>Awaits the preflight checks of every scheduled target before anything runs and reports all their problems in one error.</summary>
internal static class PreflightValidator
{
    /// <summary>Throws one <see cref="BuildDefinitionException"/> listing each distinct problem, in plan order.</summary>
    public static async Task ValidateAsync(IReadOnlyList<ExecutableTarget> plan, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var target in plan.Where(x => x.Status == ExecutionStatus.Scheduled))
        {
            foreach (var check in target.Definition.PreflightChecks)
            {
                if (await ProblemAsync(target, check, cancellationToken) is { Length: > 0 } problem && !problems.Contains(problem))
                    problems.Add(problem);
            }
        }

        if (problems.Count == 1)
            throw new BuildDefinitionException(problems[0]);
        if (problems.Count > 1)
            throw new BuildDefinitionException($"{problems.Count} problems found before anything ran:" + string.Concat(problems.Select(x => Environment.NewLine + "- " + x)));
    }

    // A check that throws reports its message as the problem: it is the check's way of saying what is wrong.
    private static async Task<string?> ProblemAsync(ExecutableTarget target, PreflightCheck check, CancellationToken cancellationToken)
    {
        try
        {
            return await check.Problem(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return exception.GetType().Namespace?.StartsWith("Slipway", StringComparison.Ordinal) == true
                ? exception.Message
                : $"Target '{target.Name}': the check '{check.Text}' failed: {exception.GetType().Name}: {exception.Message}";
        }
    }
}

namespace Slipway.EcsDeploy.Environments;

/// <summary>The environments file is not usable: every problem found, each naming the file, line and key (or the parameter) and what to do.</summary>
public sealed class EnvironmentsFileException : Exception
{
    /// <summary>Creates the exception from the problems, one line each.</summary>
    public EnvironmentsFileException(string summary, IReadOnlyList<string> problems)
        : base(problems.Count == 1 && summary.Length == 0 ? problems[0] : summary + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(x => "  " + x)))
    {
        Problems = problems;
    }

    /// <summary>Each problem, e.g. <c>deploy/environments.json(12,5): 'staging.cluster': expected a string.</c></summary>
    public IReadOnlyList<string> Problems { get; }
}

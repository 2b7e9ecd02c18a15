namespace Slipway.CiConfiguration.Buildspecs;

/// <summary>A buildspec that cannot be generated: every problem, one a line.</summary>
public sealed class BuildspecException(IReadOnlyList<string> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    /// <summary>The problems, each naming its input.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}

namespace Slipway.Tooling;

/// <summary>How a tool process ended: its exit code and raw output, or that it ran out of time.</summary>
internal sealed record ToolProcessOutcome(int ExitCode, string StandardOutput, string StandardError, TimeSpan Duration)
{
    /// <summary>Whether the tool was killed for exceeding its timeout.</summary>
    public bool IsTimedOut { get; private init; }

    /// <summary>The outcome of a tool killed for exceeding its timeout.</summary>
    public static ToolProcessOutcome TimedOut(TimeSpan duration) => new(-1, "", "", duration) { IsTimedOut = true };
}

namespace Slipway.Tooling;

/// <summary>The shared shape of failure messages: what happened, the command line, then the last output lines.</summary>
internal static class ToolFailureMessage
{
    /// <summary>The message: <paramref name="headline"/>, the indented command line, then the indented tail or "(none)".</summary>
    public static string Format(string headline, string commandLine, IReadOnlyList<string> tail)
    {
        var lastOutput = tail.Count == 0
            ? "Last output: (none)"
            : "Last output:\n" + string.Join('\n', tail.Select(line => "  " + line));
        return $"{headline}\n  {commandLine}\n{lastOutput}";
    }
}

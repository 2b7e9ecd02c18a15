using System.Globalization;

namespace Slipway.Tooling;

/// <summary>The tool did not finish within its timeout, so its whole process tree was killed.</summary>
/// <remarks>Carries only masked text, so logging this exception, properties included, cannot leak a secret.</remarks>
public sealed class ToolTimeoutException : ToolException
{
    /// <summary>Creates the error for <paramref name="toolName"/>, quoting its masked command line and last output lines.</summary>
    public ToolTimeoutException(string toolName, TimeSpan timeout, string commandLine, IReadOnlyList<string> tail)
        : base(toolName, ToolFailureMessage.Format(
            $"'{toolName}' did not finish within {FormatDuration(timeout)} and was killed.", commandLine, tail))
    {
        Timeout = timeout;
        CommandLine = commandLine;
        Tail = tail;
    }

    /// <summary>The timeout the tool exceeded.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The masked command line.</summary>
    public string CommandLine { get; }

    /// <summary>The last masked output lines, standard output and error in arrival order.</summary>
    public IReadOnlyList<string> Tail { get; }

    private static string FormatDuration(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1)
            ? duration.TotalMilliseconds.ToString("0 ms", CultureInfo.InvariantCulture)
            : duration.TotalSeconds.ToString("0.### s", CultureInfo.InvariantCulture);
}

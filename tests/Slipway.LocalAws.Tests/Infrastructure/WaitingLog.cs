using Slipway.Tooling;

namespace Slipway.LocalAws.Tests.Infrastructure;

/// <summary>Collects the platform's "waiting for port" lines and calls <c>onWaiting</c> at the first one: a readiness signal for tests that hold a port.</summary>
public sealed class WaitingLog(Action onWaiting) : IToolOutput
{
    private readonly List<string> _waiting = [];

    /// <summary>Every waiting line seen.</summary>
    public IReadOnlyList<string> Waiting
    {
        get
        {
            lock (_waiting)
                return [.. _waiting];
        }
    }

    public void Command(string redactedCommandLine)
    {
    }

    public void Line(ToolOutputLine line)
    {
        if (line.Prefix != "local-aws" || !line.Text.Contains("waiting up to", StringComparison.Ordinal))
            return;
        bool first;
        lock (_waiting)
        {
            _waiting.Add(line.Text);
            first = _waiting.Count == 1;
        }

        if (first)
            onWaiting();
    }
}

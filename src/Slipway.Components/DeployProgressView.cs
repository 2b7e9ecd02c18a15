using Slipway.EcsDeploy.Deployments;
using Spectre.Console;

namespace Slipway.Components;

/// <summary>
/// Shows a deployment while Deploy or Rollback waits: on a terminal one status line updated in place (running/pending/desired of the
/// followed deployment, rollout state, elapsed) with every new service event written above it as a log line; elsewhere (CI,
/// redirected output) plain log lines, the status only when it changed.
/// </summary>
public sealed class DeployProgressView : IProgress<DeploymentProgress>, IDisposable
{
    private readonly IAnsiConsole? _terminal;
    private readonly Action<string> _log;
    private readonly object _gate = new();
    private string? _lastStatus;
    private string? _lastState;
    private bool _lineShown;

    /// <summary>A view writing log lines with <paramref name="log"/>, and the live status line to <paramref name="terminal"/> when given.</summary>
    public DeployProgressView(Action<string> log, IAnsiConsole? terminal = null)
    {
        _log = log;
        _terminal = terminal;
    }

    /// <summary>The view for a build: live on a terminal whose output is a console that takes ANSI codes, plain lines otherwise.</summary>
    public static DeployProgressView For(ISlipwayBuild build)
    {
        var live = build.Host is Hosts.Terminal { SupportsColors: true } && !Console.IsOutputRedirected;
        var terminal = live ? AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.Yes, Out = new AnsiConsoleOutput(Console.Out) }) : null;
        return new DeployProgressView(Logging.Log.Information, terminal);
    }

    /// <summary>The status line of one look at the deployment.</summary>
    public static string Status(DeploymentProgress progress) =>
        $"{progress.DeploymentId}: {progress.Running} running, {progress.Pending} pending, {progress.Desired} desired, " +
        $"{progress.RolloutState ?? "gone"}, {progress.Elapsed:m\\:ss} elapsed";

    /// <inheritdoc />
    public void Report(DeploymentProgress value)
    {
        lock (_gate)
        {
            var status = Status(value);
            if (_terminal is null)
            {
                foreach (var serviceEvent in value.NewEvents)
                    _log($"{serviceEvent.CreatedAt:HH:mm:ss} {serviceEvent.Message}");
                // Elapsed time alone is no change: a CI log gets a line when the counts or the rollout state move.
                var state = Status(value with { Elapsed = TimeSpan.Zero });
                if (state != _lastState)
                    _log(status);
                _lastState = state;
                _lastStatus = status;
                return;
            }

            ClearLine();
            foreach (var serviceEvent in value.NewEvents)
                _log($"{serviceEvent.CreatedAt:HH:mm:ss} {serviceEvent.Message}");
            _terminal.Markup($"[grey]deploying[/] {Markup.Escape(status)}");
            _lineShown = true;
            _lastStatus = status;
        }
    }

    /// <summary>Removes the live line, leaving the last status as a log line, so the log goes on below it.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_terminal is null || !_lineShown)
                return;
            ClearLine();
            _log(_lastStatus!);
        }
    }

    // Carriage return and erase-line: the next text replaces the status line in place.
    private void ClearLine()
    {
        if (_lineShown)
            _terminal!.Write(new ControlCode("\r\u001b[2K"));
        _lineShown = false;
    }
}

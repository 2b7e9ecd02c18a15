using Slipway.Aws.Ecs;
using Slipway.EcsDeploy.Deployments;
using Spectre.Console;

namespace Slipway.Components.Tests.Deploy;

public sealed class DeployProgressViewTest
{
    private static DeploymentProgress Look(int running, string state, params string[] events) => new()
    {
        DeploymentId = "ecs-svc/1", Running = running, Pending = 1 - running, Desired = 1, RolloutState = state, Elapsed = TimeSpan.FromSeconds(running + 1),
        NewEvents = [.. events.Select(x => new ServiceEvent { Id = x, Message = x, CreatedAt = new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero) })],
    };

    [Fact]
    public void TestPlain_StatusOnlyWhenItChanged_EveryEventOnce()
    {
        var lines = new List<string>();
        using (var view = new DeployProgressView(lines.Add))
        {
            view.Report(Look(0, "IN_PROGRESS", "(service svc) has started 1 tasks"));
            view.Report(Look(0, "IN_PROGRESS") with { Elapsed = TimeSpan.FromSeconds(1) });
            view.Report(Look(0, "IN_PROGRESS") with { Elapsed = TimeSpan.FromSeconds(9) });
            view.Report(Look(1, "COMPLETED", "(service svc) has reached a steady state."));
        }

        Assert.Equal([
            "06:00:00 (service svc) has started 1 tasks",
            "ecs-svc/1: 0 running, 1 pending, 1 desired, IN_PROGRESS, 0:01 elapsed",
            "06:00:00 (service svc) has reached a steady state.",
            "ecs-svc/1: 1 running, 0 pending, 1 desired, COMPLETED, 0:02 elapsed",
        ], lines);
    }

    [Fact]
    public void TestTerminal_OneLineUpdatedInPlace_EventsAboveIt()
    {
        var screen = new StringWriter();
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(screen) });
        var lines = new List<string>();
        using (var view = new DeployProgressView(line => { lines.Add(line); screen.Write(line + "\n"); }, terminal))
        {
            view.Report(Look(0, "IN_PROGRESS", "started"));
            view.Report(Look(1, "COMPLETED"));
        }

        var text = screen.ToString();
        Assert.Equal(2, text.Split("\r\u001b[2K").Length - 1); // the line erased before the second look and at the end
        Assert.DoesNotContain("IN_PROGRESS, 1:00 elapsed\n", text); // a status is never left as a line of its own while live
        Assert.Equal(["06:00:00 started", "ecs-svc/1: 1 running, 0 pending, 1 desired, COMPLETED, 0:02 elapsed"], lines);
        Assert.Contains("deploying ecs-svc/1: 0 running, 1 pending, 1 desired, IN_PROGRESS, 0:01 elapsed\r\u001b[2K", text);
    }
}

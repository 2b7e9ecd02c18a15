using Slipway;
using Slipway.Logging;
using Slipway.Tooling;

/// <summary>
/// The Docker engine the integration tests, the sample's image build and the local platform's ECS tasks run on: started (vfs storage,
/// no bridge, as root) when no engine answers.
/// </summary>
partial class Build
{
    /// <summary>Starts dockerd in the background when <c>docker info</c> fails, and waits until it answers.</summary>
    Target DockerEngine => _ => _
        .Description("Starts the local Docker engine the integration tests, the sample's image build and its deploy need (dockerd, vfs storage, host networking) when none answers.")
        .DependsOn(TestTools)
        .DependentFor<Slipway.Components.ITest>(x => x.Test)
        .DependentFor<Slipway.Components.IDockerBuild>(x => x.DockerBuild)
        .DependentFor<Slipway.Components.IRegisterTaskDef>(x => x.RegisterTaskDef)
        .DependentFor<Slipway.Components.IRollback>(x => x.Rollback)
        .Executes(async ct =>
        {
            if (await EngineAnswers(ct))
            {
                Log.Information("The Docker engine answers.");
                return;
            }

            if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
                throw new InvalidOperationException("No Docker engine answers (docker info failed). Start one (e.g. sudo dockerd) or set DOCKER_HOST, then run the tests again.");
            var log = TemporaryDirectory.CreateDirectory() / "dockerd.log";
            // setsid: the engine outlives this build and is not killed by a Ctrl-C sent to it.
            await ToolRunner.RunAsync(
                new ToolInvocation("sh", "-c", $"setsid dockerd --storage-driver=vfs --iptables=false --ip6tables=false --bridge=none >'{log}' 2>&1 < /dev/null &"),
                LogToolOutput.Current, ct);
            for (var attempt = 0; attempt < 120; attempt++)
            {
                if (await EngineAnswers(ct))
                {
                    this.ReportSummary("Started", $"dockerd (log: {log.RelativeTo(RootDirectory)})");
                    return;
                }

                await Task.Delay(500, ct);
            }

            throw new InvalidOperationException($"dockerd did not answer within 60 s; see {log}.");
        });

    static async Task<bool> EngineAnswers(CancellationToken ct)
    {
        var result = await ToolRunner.RunAsync(
            new ToolInvocation("docker", "info", "--format", "{{.ServerVersion}}") { CheckExitCode = false, EchoCommand = false, StreamOutput = false, Timeout = TimeSpan.FromSeconds(20) },
            ToolOutput.None, ct);
        return result.ExitCode == 0;
    }
}

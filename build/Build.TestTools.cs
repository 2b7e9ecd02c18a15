using Slipway;
using Slipway.Logging;
using Slipway.Tooling;

/// <summary>The machine tools this repository's integration tests run for real: installed with apt when missing, so `./build.sh Test` works on a fresh Debian machine and in CI.</summary>
partial class Build
{
    // Debian package for each command the tests start.
    static readonly (string Command, string Package)[] RequiredTestTools =
    [
        ("git", "git"),
        ("docker-registry", "docker-registry"),
        ("htpasswd", "apache2-utils"),
        ("skopeo", "skopeo"),
        ("aws", "awscli"),
        ("dockerd", "docker.io"),
        ("busybox", "busybox-static"),
    ];

    /// <summary>Installs the test tools that are missing (Debian, as root); elsewhere fails naming the packages to install.</summary>
    Target TestTools => _ => _
        .Description("Installs the tools the integration tests need (git, docker-registry, htpasswd, skopeo, awscli, dockerd, static busybox) when they are missing.")
        .DependentFor<Slipway.Components.ITest>(x => x.Test)
        .Executes(async ct =>
        {
            var missing = RequiredTestTools.Where(x => !OnPath(x.Command)).Select(x => x.Package).Distinct().ToList();
            if (missing.Count == 0)
            {
                Log.Information("Test tools present: " + string.Join(", ", RequiredTestTools.Select(x => x.Command)));
                return;
            }

            if (!OperatingSystem.IsLinux() || !OnPath("apt-get") || Environment.UserName != "root")
                throw new InvalidOperationException(
                    $"The integration tests need {string.Join(", ", missing)}. Install them (Debian/Ubuntu: sudo apt-get install -y {string.Join(' ', missing)}) and run the tests again.");
            var apt = new ToolInvocation("apt-get") { Timeout = TimeSpan.FromMinutes(10) }.SetEnvironment("DEBIAN_FRONTEND", "noninteractive");
            await ToolRunner.RunAsync(apt.AddArguments("update", "-qq"), LogToolOutput.Current, ct);
            await ToolRunner.RunAsync(apt.AddArguments(["install", "-y", "-qq", "--no-install-recommends", .. missing]), LogToolOutput.Current, ct);
            this.ReportSummary("Installed", string.Join(", ", missing));
        });

    static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(x => File.Exists(Path.Combine(x, command)));
}

using Slipway;
using Slipway.Logging;
using Slipway.Tooling;

class Build : SlipwayBuild
{
    public static int Main() => Execute<Build>(x => x.Hello);

    [Parameter("Who to greet.")]
    readonly string Name = "world";

    [Parameter("A token the build hands to a tool."), Secret]
    readonly string? Token;

    [Parameter("Where Long writes its pid.")]
    readonly string? PidFile;

    Target Hello => _ => _
        .Description("Greets someone.")
        .Executes(() => Log.Information($"Hello, {Name}!"));

    Target Leak => _ => _
        .Description("Runs a tool that prints the secret token.")
        .Requires(() => Token)
        .Executes(ct => ToolRunner.RunAsync(new ToolInvocation("sh", "-c", "echo \"tool says $SAMPLE_TOKEN\"").SetEnvironment("SAMPLE_TOKEN", Token), LogToolOutput.Current, ct));

    Target Fail => _ => _
        .DependsOn(Hello)
        .Executes(() => throw new InvalidOperationException("sample failure"));

    Target Long => _ => _
        .Executes(async ct =>
        {
            Log.Information("Long started");
            await ToolRunner.RunAsync(new ToolInvocation("sh", "-c", $"echo $$ > '{PidFile}'.child; sleep 60"), LogToolOutput.Current, ct);
        });

    Target Cleanup => _ => _
        .After(Long, Fail)
        .AssuredAfterFailure()
        .Executes(() => Log.Information("cleanup ran"));

    Target Where => _ => _
        .Executes(() => Log.Information($"host={Host.Name} server={IsServerBuild}"));
}

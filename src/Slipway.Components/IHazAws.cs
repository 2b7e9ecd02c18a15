using Amazon.Runtime;
using Slipway.Aws;
using Slipway.LocalAws;

namespace Slipway.Components;

/// <summary>Where a build's AWS calls go.</summary>
public enum AwsPlatform
{
    /// <summary>The embedded AWS-compatible platform on 127.0.0.1, started for the build (no AWS account needed).</summary>
    Local,

    /// <summary>Real AWS, with the credential chain (environment, profiles, CodeBuild's container credentials).</summary>
    Aws,
}

/// <summary>A build that talks to AWS or to the embedded local platform, chosen by one parameter; the local platform starts on first use and, on a terminal, keeps running after the build (StopLocalAws stops it).</summary>
public interface IHazAws : ISlipwayBuild
{
    /// <summary>aws or local; by default the environment's platform (environments file), else local except on CodeBuild.</summary>
    [Parameter("Where AWS calls go: local (the embedded platform on 127.0.0.1) or aws (default: the environment's platform in deploy/environments.json, else local except on CodeBuild).")]
    AwsPlatform Platform => this.TryGetValue<AwsPlatform?>()
        ?? (this as IHazEnvironments)?.CandidateEnvironmentPlatform()
        ?? (Host is Hosts.CodeBuild ? AwsPlatform.Aws : AwsPlatform.Local);

    /// <summary>The AWS region; on the local platform its own region.</summary>
    [Parameter("The AWS region (default: the SDK's region chain, e.g. AWS_REGION).")]
    string? AwsRegion => this.TryGetValue<string>();

    /// <summary>The local platform's data folder.</summary>
    [Parameter("The local platform's data folder (default: .nuke/temp/local-aws).")]
    IO.AbsolutePath LocalAwsData => this.TryGetValue<IO.AbsolutePath>() ?? TemporaryDirectory / "local-aws";

    /// <summary>Whether the local platform outlives the build (a host process of its own) or stops with it (hosted in the build).</summary>
    /// <remarks>A --plan run deploys nothing that would need it afterwards, so it leaves no process behind unless asked to.</remarks>
    [Parameter("Keep the local platform running after the build, so deployed services still answer (default: true on a terminal, false on CI and with --plan); stop it with StopLocalAws.")]
    bool LocalAwsKeep => this.TryGetValue<bool?>() ?? (Host is Hosts.Terminal && !IsPlanOnly);

    /// <summary>
    /// The running local platform, on first use: the one already running from <see cref="LocalAwsData"/> if any (left running by an
    /// earlier build), else started detached when <see cref="LocalAwsKeep"/> (it keeps running after the build), else started in this
    /// build (its registries and containers stop when the build ends).
    /// </summary>
    Task<LocalAwsPlatform> GetLocalPlatformAsync() => this.State().GetOrAddAsync($"{nameof(IHazAws)}.LocalPlatform", async ct =>
        {
            var options = new LocalAwsOptions { DataDirectory = LocalAwsData };
            var platform = await LocalAwsPlatform.AttachAsync(LocalAwsData, ct)
                ?? (LocalAwsKeep ? await LocalAwsPlatform.StartDetachedAsync(options, ct) : await LocalAwsPlatform.StartAsync(options, ct));
            if (platform.IsAttached)
            {
                // First use may come from a condition or the plan (--plan, SkipWhenDynamic), where no target runs to carry a summary note.
                var note = $"{platform.Endpoint} keeps running after the build (process {platform.HostProcessId}); stop it with StopLocalAws";
                if (CurrentTarget is null)
                    Logging.Log.Information($"Local AWS: {note}");
                else
                    this.ReportSummary("Local AWS", note);
            }
            return this.DisposeAtEnd(platform);
        },
        CancellationToken);

    /// <summary>Stops the local platform an earlier build left running, with its registries and task containers.</summary>
    Target StopLocalAws => _ => _
        .Description("Stops the local AWS platform a build left running (--local-aws-keep), with its registries and containers.")
        .Executes(async ct => this.ReportSummary("Local AWS", await LocalAwsPlatform.StopDetachedAsync(LocalAwsData, ct)));

    /// <summary>Client options for an account of the chosen platform: on the local platform its endpoint and the account's keys (development, production, ...); on AWS the region and the credential chain, or <paramref name="credentials"/>.</summary>
    async Task<AwsClientOptions> GetAwsOptionsAsync(string account = "development", AWSCredentials? credentials = null)
    {
        if (Platform == AwsPlatform.Aws)
            return new AwsClientOptions { Region = AwsRegion, Credentials = credentials };
        var platform = await GetLocalPlatformAsync();
        var local = platform.Account(account);
        return new AwsClientOptions
        {
            Region = platform.Region,
            ServiceUrl = platform.Endpoint.ToString(),
            Credentials = credentials ?? new BasicAWSCredentials(local.AccessKeyId, local.SecretAccessKey),
        };
    }
}

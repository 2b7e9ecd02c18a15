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

/// <summary>A build that talks to AWS or to the embedded local platform, chosen by one parameter; the local platform starts on first use and stops when the build ends.</summary>
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

    /// <summary>The running local platform (started on first use; its registries and containers stop when the build ends).</summary>
    Task<LocalAwsPlatform> GetLocalPlatformAsync() => this.State().GetOrAddAsync($"{nameof(IHazAws)}.LocalPlatform", async ct =>
            this.DisposeAtEnd(await LocalAwsPlatform.StartAsync(new LocalAwsOptions { DataDirectory = LocalAwsData }, ct)),
        CancellationToken);

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

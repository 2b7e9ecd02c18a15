using Slipway.Aws.Credentials;
using Slipway.Aws.Ecr;
using Slipway.Containers.Ecr;

namespace Slipway.Components;

/// <summary>
/// A build whose service image lives in ECR: candidates in one account's registry, releases in another's (the same on a single-account setup).
/// With an environments file, the defaults come from it: candidates from the chosen environment's (development's on main), releases from production's.
/// </summary>
public interface IHazEcr : IHazEnvironments
{
    /// <summary>The ECR repository of the service image.</summary>
    [Parameter("The ECR repository of the service image (default: the environment's repository, else the root folder's name in lower case).")]
    string ImageRepository => this.TryGetValue<string>() is { } name
        ? EcrRepositoryName.Check(name, "--image-repository")
        : CandidateEnvironment?.Repository ?? EcrRepositoryName.FromFolder(RootDirectory.Name);

    /// <summary>Whether missing repositories are created with immutable tags.</summary>
    [Parameter("Create missing ECR repositories with immutable tags (default: true).")]
    bool ImmutableTags => this.TryGetValue<bool?>() ?? true;

    /// <summary>Whether missing repositories are created with scan on push.</summary>
    [Parameter("Create missing ECR repositories with scan on push (default: true).")]
    bool ScanOnPush => this.TryGetValue<bool?>() ?? true;

    /// <summary>The account whose registry holds feature, snapshot and candidate images.</summary>
    [Parameter("The account whose registry holds feature, snapshot and candidate images (local platform: an account name; default: the environment's account, else development).")]
    string CandidateAccount => this.TryGetValue<string>() ?? CandidateEnvironment?.Account ?? "development";

    /// <summary>The account whose registry holds released images.</summary>
    [Parameter("The account whose registry holds released images (local platform: an account name; default: the production environment's account, else production).")]
    string ReleaseAccount => this.TryGetValue<string>() ?? ProductionEnvironment?.Account ?? "production";

    /// <summary>On AWS, the role assumed for the release account.</summary>
    [Parameter("On AWS: the IAM role ARN to assume for the release account (default: the production environment's roleArn, else the build's own credentials, one account).")]
    string? ReleaseRoleArn => this.TryGetValue<string>() ?? ProductionEnvironment?.RoleArn;

    /// <summary><see cref="ImageRepository"/> with the settings a missing repository is created with.</summary>
    EcrRepositorySettings ImageRepositorySettings => new(ImageRepository) { ImmutableTags = ImmutableTags, ScanOnPush = ScanOnPush };

    /// <summary>The registry of <paramref name="account"/> (connected on first use, closed when the build ends).</summary>
    Task<EcrRegistry> GetEcrAsync(string account) =>
        this.State().GetOrAddAsync($"{nameof(IHazEcr)}.Ecr.{account}", ct => ConnectAsync(account, ct), CancellationToken);

    /// <summary>Adds the "Repository: created ..." note when a target created the image repository with <paramref name="settings"/>.</summary>
    void ReportRepository(EnsuredRepository repository, EcrRepositorySettings settings)
    {
        if (repository.Created)
            this.ReportSummary("Repository", $"created {repository.Repository.RepositoryUri} ({settings.Description})");
    }

    private async Task<EcrRegistry> ConnectAsync(string account, CancellationToken cancellationToken)
    {
        var role = Platform == AwsPlatform.Aws ? new ReleaseRole(ReleaseAccount, ReleaseRoleArn).CredentialsFor(account, await GetAwsOptionsAsync()) : null;
        var credentials = role is null ? null : this.DisposeAtEnd(new DisposedAtEnd<RoleCredentials>(role)).Value;
        var options = await GetAwsOptionsAsync(account, credentials);
        return this.DisposeAtEnd(await EcrRegistry.ConnectAsync(account, new EcrClient(options), cancellationToken));
    }
}

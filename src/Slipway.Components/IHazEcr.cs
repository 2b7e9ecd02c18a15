using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Slipway.Aws.Credentials;
using Slipway.Aws.Ecr;

namespace Slipway.Components;

/// <summary>A build whose service image lives in ECR: candidates in one account's registry, releases in another's (the same on a single-account setup).</summary>
public partial interface IHazEcr : IHazAws, IHazGitVersion
{
    private static readonly ConditionalWeakTable<ISlipwayBuild, ConcurrentDictionary<string, Lazy<Task<EcrAccount>>>> Accounts = new();

    /// <summary>The ECR repository of the service image.</summary>
    [Parameter("The ECR repository of the service image (default: the root folder's name in lower case).")]
    string ImageRepository => this.TryGetValue<string>() is { } name
        ? ValidRepository().IsMatch(name) ? name : throw new ArgumentException(
            $"--image-repository '{name}' is not an ECR repository name: 2 to 256 characters of lower-case letters, digits and . _ - /, starting with a letter or digit, e.g. 'orders' or 'team/orders'.")
        : DefaultRepository(RootDirectory.Name);

    /// <summary>Whether missing repositories are created with immutable tags.</summary>
    [Parameter("Create missing ECR repositories with immutable tags (default: true).")]
    bool ImmutableTags => this.TryGetValue<bool?>() ?? true;

    /// <summary>Whether missing repositories are created with scan on push.</summary>
    [Parameter("Create missing ECR repositories with scan on push (default: true).")]
    bool ScanOnPush => this.TryGetValue<bool?>() ?? true;

    /// <summary>The account whose registry holds feature, snapshot and candidate images.</summary>
    [Parameter("The account whose registry holds feature, snapshot and candidate images (local platform: an account name; default: development).")]
    string CandidateAccount => this.TryGetValue<string>() ?? "development";

    /// <summary>The account whose registry holds released images.</summary>
    [Parameter("The account whose registry holds released images (local platform: an account name; default: production).")]
    string ReleaseAccount => this.TryGetValue<string>() ?? "production";

    /// <summary>On AWS, the role assumed for the release account.</summary>
    [Parameter("On AWS: the IAM role ARN to assume for the release account (default: the build's own credentials, one account).")]
    string? ReleaseRoleArn => this.TryGetValue<string>();

    /// <summary>The registry of <paramref name="account"/> (connected on first use, closed when the build ends).</summary>
    EcrAccount Ecr(string account) => Accounts.GetOrCreateValue(this)
        .GetOrAdd(account, name => new Lazy<Task<EcrAccount>>(() => ConnectAsync(name)))
        .Value.GetAwaiter().GetResult();

    /// <summary>The repository <see cref="ImageRepository"/> in <paramref name="account"/>, created with <see cref="ImmutableTags"/> and <see cref="ScanOnPush"/> when missing.</summary>
    async Task<EnsuredRepository> EnsureRepositoryAsync(EcrAccount account, CancellationToken cancellationToken)
    {
        var ensured = await account.Ecr.EnsureAsync(new CreateRepositoryRequest
        {
            RepositoryName = ImageRepository,
            ImageTagMutability = ImmutableTags ? ImageTagMutability.Immutable : ImageTagMutability.Mutable,
            ImageScanningConfiguration = new ImageScanningConfiguration(ScanOnPush),
        }, cancellationToken);
        if (ensured.Created)
            this.ReportSummary("Repository", $"created {ensured.Repository.RepositoryUri} ({(ImmutableTags ? "immutable" : "mutable")} tags, scan on push {(ScanOnPush ? "on" : "off")})");
        // Tags are checked before they are written; only immutability stops a concurrent writer from moving one in between.
        if (ImmutableTags && ensured.Repository.ImageTagMutability == ImageTagMutability.Mutable)
            throw new InvalidOperationException(
                $"The ECR repository '{ensured.Repository.RepositoryUri ?? ImageRepository}' in account '{account.Name}' has mutable tags, so a concurrent push could move a tag " +
                $"this build checked. Make it immutable ('aws ecr put-image-tag-mutability --repository-name {ImageRepository} --image-tag-mutability IMMUTABLE'), " +
                "or pass --immutable-tags false to accept mutable tags.");
        return ensured;
    }

    private async Task<EcrAccount> ConnectAsync(string account)
    {
        var credentials = Platform == AwsPlatform.Aws && account == ReleaseAccount && ReleaseRoleArn is { } role
            ? this.DisposeAtEnd(new DisposableRoleCredentials(new RoleCredentials(new AssumeRoleSettings(role, "slipway-release"), AwsOptions())))
                .Credentials
            : null;
        var options = AwsOptions(account, credentials);
        return this.DisposeAtEnd(await EcrAccount.ConnectAsync(account, new EcrClient(options), CancellationToken));
    }

    /// <summary>The default repository name: <paramref name="folder"/> in lower case, with characters ECR refuses replaced by '-'.</summary>
    static string DefaultRepository(string folder)
    {
        var name = RepositoryUnsafe().Replace(folder.ToLowerInvariant(), "-").Trim('-', '.', '_');
        return name.Length >= 2 ? name : "service";
    }

    [GeneratedRegex(@"[^a-z0-9._/-]+")]
    private static partial Regex RepositoryUnsafe();

    [GeneratedRegex(@"^(?=.{2,256}$)[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$")]
    private static partial Regex ValidRepository();

    private sealed class DisposableRoleCredentials(RoleCredentials credentials) : IAsyncDisposable
    {
        public RoleCredentials Credentials => credentials;

        public ValueTask DisposeAsync()
        {
            credentials.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

namespace Slipway.Hosts;

/// <summary>A CI server other than CodeBuild, detected from <c>CI=true</c> or a server's own variable.</summary>
public sealed class GenericCi(IReadOnlyDictionary<string, string?> environment, string provider) : Host(environment)
{
    private static readonly (string Variable, string Provider)[] Providers =
    [
        ("GITHUB_ACTIONS", "GitHub Actions"),
        ("GITLAB_CI", "GitLab CI"),
        ("JENKINS_URL", "Jenkins"),
        ("TF_BUILD", "Azure Pipelines"),
        ("TEAMCITY_VERSION", "TeamCity"),
        ("BUILDKITE", "Buildkite"),
        ("CIRCLECI", "CircleCI"),
        ("TRAVIS", "Travis CI"),
        ("APPVEYOR", "AppVeyor"),
        ("BITBUCKET_BUILD_NUMBER", "Bitbucket Pipelines"),
    ];

    /// <summary>The CI server's name, or "CI" when only <c>CI</c> is set.</summary>
    public string Provider { get; } = provider;

    /// <inheritdoc />
    public override string Name => Provider;

    /// <inheritdoc />
    public override bool IsServerBuild => true;

    /// <inheritdoc />
    public override bool SupportsColors => Provider == "GitHub Actions" && Variable("NO_COLOR") is null;

    /// <summary>The CI host described by the environment, or null when none is.</summary>
    public static GenericCi? Detect(IReadOnlyDictionary<string, string?> environment)
    {
        foreach (var (variable, provider) in Providers)
        {
            if (environment.TryGetValue(variable, out var value) && !string.IsNullOrEmpty(value))
                return new GenericCi(environment, provider);
        }

        return environment.TryGetValue("CI", out var ci) && ci is not null && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1")
            ? new GenericCi(environment, "CI")
            : null;
    }
}

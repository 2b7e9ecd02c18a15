namespace Slipway.EcsDeploy.Environments;

/// <summary>Where an environment's services run: AWS, or the embedded local platform (ECS on the local Docker engine).</summary>
public enum DeploymentPlatform
{
    /// <summary>Amazon Web Services.</summary>
    Aws,

    /// <summary>Slipway's local platform.</summary>
    Local,
}

/// <summary>One environment of the environments file with the defaults, overrides and computed defaults applied; a value nobody gave is null (or empty).</summary>
/// <param name="Name">The environment's name in the file, e.g. <c>staging</c>.</param>
/// <param name="Platform">AWS or the local platform.</param>
/// <param name="Account">The 12-digit AWS account id, or the local platform's account name.</param>
/// <param name="RoleArn">The role to assume in <paramref name="Account"/>, if any.</param>
/// <param name="Region">The AWS region; null lets the AWS credential chain decide.</param>
/// <param name="Registry">The registry host images are pushed to; on AWS by default the account's ECR registry in the region, on the local platform null (the platform gives it).</param>
/// <param name="Repository">The image repository in the registry; by default the service repository's folder name in ECR's rules.</param>
/// <param name="Cluster">The ECS cluster.</param>
/// <param name="Service">The ECS service.</param>
/// <param name="Containers">The containers of the task definition whose image the deploy replaces.</param>
/// <param name="TaskDefinitionTemplate">The full path of the task definition template (written relative to the environments file).</param>
/// <param name="ServiceDefinition">The full path of the service definition Deploy creates a missing service from; null when the environment has none.</param>
public sealed record DeploymentEnvironment(
    string Name,
    DeploymentPlatform Platform,
    string? Account,
    string? RoleArn,
    string? Region,
    string? Registry,
    string? Repository,
    string? Cluster,
    string? Service,
    IReadOnlyList<string> Containers,
    string? TaskDefinitionTemplate,
    string? ServiceDefinition = null)
{
    /// <summary>
    /// Whether a release deployed here may be rehearsed (built from the commit under its release tag) when none was promoted: only on the
    /// local platform, whose registries start empty. On AWS a production image is always a promoted release candidate.
    /// </summary>
    public bool RehearsesReleases => Platform == DeploymentPlatform.Local;
}

/// <summary>The environment names the git-flow branch kinds deploy to (feature, bugfix, develop: development; release, hotfix: staging; main: production).</summary>
public static class EnvironmentNames
{
    /// <summary>Feature, bugfix and develop builds.</summary>
    public const string Development = "development";

    /// <summary>Release and hotfix candidates.</summary>
    public const string Staging = "staging";

    /// <summary>Promoted releases.</summary>
    public const string Production = "production";
}

/// <summary>The values planned targets need from an environment; <see cref="EnvironmentsFile.Require"/> reports every one that is missing at once.</summary>
[Flags]
public enum EnvironmentNeeds
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>The account.</summary>
    Account = 1,

    /// <summary>The role to assume.</summary>
    RoleArn = 2,

    /// <summary>The region (on AWS).</summary>
    Region = 4,

    /// <summary>The registry (on AWS; the local platform gives its own).</summary>
    Registry = 8,

    /// <summary>The repository.</summary>
    Repository = 16,

    /// <summary>The cluster.</summary>
    Cluster = 32,

    /// <summary>The service.</summary>
    Service = 64,

    /// <summary>At least one container name.</summary>
    Containers = 128,

    /// <summary>The task definition template, and the file existing.</summary>
    TaskDefinitionTemplate = 256,

    /// <summary>What pushing an image needs: account, registry and repository.</summary>
    Push = Account | Registry | Repository,

    /// <summary>What registering a task definition from the template and deploying it need.</summary>
    Deploy = Account | Cluster | Service | Containers | TaskDefinitionTemplate,
}

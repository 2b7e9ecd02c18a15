namespace Slipway.EcsDeploy.Environments;

/// <summary>How a key's value is written.</summary>
internal enum EnvironmentValueKind
{
    String,
    StringList,
    Platform,
}

/// <summary>One key of an environment section: its JSON name, what it means (the schema's description), how it is written, and how it is read and set.</summary>
internal sealed record EnvironmentKey(
    string Name,
    string Description,
    EnvironmentValueKind Kind,
    EnvironmentNeeds Need,
    Func<EnvironmentSettings, object?> Get,
    Func<EnvironmentSettings, object?, EnvironmentSettings> Set);

/// <summary>The keys an environment section may hold: the one list the loader, the overrides, <see cref="EnvironmentsFile.Require"/> and the schema read.</summary>
internal static class EnvironmentKeys
{
    public static readonly IReadOnlyList<EnvironmentKey> All =
    [
        new("platform", "Where the services run: 'aws', or 'local' for Slipway's local platform (ECS on the local Docker engine). Default: aws.",
            EnvironmentValueKind.Platform, EnvironmentNeeds.None, x => x.Platform, (x, v) => x with { Platform = (DeploymentPlatform?)v }),
        new("account", "The AWS account id (12 digits), or on the local platform the account's name (e.g. 'development').",
            EnvironmentValueKind.String, EnvironmentNeeds.Account, x => x.Account, (x, v) => x with { Account = (string?)v }),
        new("roleArn", "The IAM role to assume in the account, e.g. 'arn:aws:iam::210987654321:role/deploy'. Default: none (the credentials in use).",
            EnvironmentValueKind.String, EnvironmentNeeds.RoleArn, x => x.RoleArn, (x, v) => x with { RoleArn = (string?)v }),
        new("region", "The AWS region, e.g. 'eu-west-1'. Default: the AWS configuration's (AWS_REGION, the profile).",
            EnvironmentValueKind.String, EnvironmentNeeds.Region, x => x.Region, (x, v) => x with { Region = (string?)v }),
        new("registry", "The registry host images are pushed to. Default on AWS: the account's ECR registry in the region; on the local platform the account's registry.",
            EnvironmentValueKind.String, EnvironmentNeeds.Registry, x => x.Registry, (x, v) => x with { Registry = (string?)v }),
        new("repository", "The image repository in the registry, e.g. 'orders' or 'team/orders'. Default: the service repository's folder name in ECR's rules.",
            EnvironmentValueKind.String, EnvironmentNeeds.Repository, x => x.Repository, (x, v) => x with { Repository = (string?)v }),
        new("cluster", "The ECS cluster the service runs in.",
            EnvironmentValueKind.String, EnvironmentNeeds.Cluster, x => x.Cluster, (x, v) => x with { Cluster = (string?)v }),
        new("service", "The ECS service to deploy.",
            EnvironmentValueKind.String, EnvironmentNeeds.Service, x => x.Service, (x, v) => x with { Service = (string?)v }),
        new("containers", "The names of the task definition's containers that run the built image (as a parameter: comma-separated).",
            EnvironmentValueKind.StringList, EnvironmentNeeds.Containers, x => x.Containers, (x, v) => x with { Containers = (IReadOnlyList<string>?)v }),
        new("taskDefinitionTemplate", "The task definition template (JSON with ${...} variables), relative to this file, e.g. 'taskdef.json'.",
            EnvironmentValueKind.String, EnvironmentNeeds.TaskDefinitionTemplate, x => x.TaskDefinitionTemplate, (x, v) => x with { TaskDefinitionTemplate = (string?)v }),
        new("serviceDefinition", "The ECS service's definition, relative to this file, e.g. 'service.json': CreateService's request members without cluster, serviceName and taskDefinition (desiredCount, deploymentConfiguration, launchType, networkConfiguration, ...). Deploy creates the service from it when it does not exist. Default: none (a missing service is an error).",
            EnvironmentValueKind.String, EnvironmentNeeds.None, x => x.ServiceDefinition, (x, v) => x with { ServiceDefinition = (string?)v }),
    ];

    public static EnvironmentKey? Find(string name) => All.FirstOrDefault(x => x.Name == name);

    public static IEnumerable<string> Names => All.Select(x => x.Name);

    /// <summary>The platforms as written in the file.</summary>
    public static IReadOnlyList<string> PlatformNames { get; } = Enum.GetNames<DeploymentPlatform>().Select(x => x.ToLowerInvariant()).ToList();
}

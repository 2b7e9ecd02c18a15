namespace Slipway.EcsDeploy.Deployments;

/// <summary>What Deploy and Rollback pass on to the Wait that follows their deployment: where, how long, how often, where progress goes.</summary>
internal interface IDeploymentWaitOptions
{
    string? Cluster { get; }

    string Service { get; }

    TimeSpan Timeout { get; }

    TimeSpan PollInterval { get; }

    IProgress<DeploymentProgress>? Progress { get; }

    int? MaxFailedTasks { get; }
}

namespace Slipway.LocalAws.Ecs.Docker;

/// <summary>The labels on every container a task runs in, so the platform finds its containers again (after a restart too) and removes them all.</summary>
internal static class ContainerLabels
{
    /// <summary>The data folder's platform id: several platforms may share one engine.</summary>
    public const string Platform = "slipway.ecs.platform";
    public const string Account = "slipway.ecs.account";
    public const string Cluster = "slipway.ecs.cluster";
    public const string Service = "slipway.ecs.service";
    public const string Deployment = "slipway.ecs.deployment";
    public const string TaskDefinition = "slipway.ecs.taskdef";
    public const string Task = "slipway.ecs.task";
    public const string Container = "slipway.ecs.container";

    /// <summary>On the bridge network the platforms share (not on containers).</summary>
    public const string Network = "slipway.ecs.network";
}

using Slipway.EcsDeploy.Environments;

namespace Slipway.Components;

/// <summary>What each target that deploys (or pushes for a deploy) needs of the environment, by target name.</summary>
internal static class DeployNeeds
{
    /// <summary>The values <paramref name="target"/> needs; none for targets that do not use the environment.</summary>
    public static EnvironmentNeeds Of(string target) => target switch
    {
        nameof(IPushEcr.PushEcr) => EnvironmentNeeds.Push,
        nameof(IRegisterTaskDef.RegisterTaskDef) or nameof(IDiff.Diff) or nameof(IDeploy.Deploy) =>
            EnvironmentNeeds.Account | EnvironmentNeeds.Cluster | EnvironmentNeeds.Service | EnvironmentNeeds.Containers,
        nameof(IRollback.Rollback) => EnvironmentNeeds.Account | EnvironmentNeeds.Cluster | EnvironmentNeeds.Service,
        _ => EnvironmentNeeds.None,
    };
}

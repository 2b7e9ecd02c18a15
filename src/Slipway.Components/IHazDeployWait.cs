namespace Slipway.Components;

/// <summary>How Deploy and Rollback wait for their deployment: a real timeout and a poll interval.</summary>
public interface IHazDeployWait : IHazEnvironments
{
    /// <summary>How long to wait for a deployment.</summary>
    [Parameter("How long Deploy waits for its deployment to complete (and again for a rollback), e.g. 15m (default: 10m); no hidden cap.")]
    TimeSpan DeployTimeout => this.TryGetValue<TimeSpan?>() ?? TimeSpan.FromMinutes(10);

    /// <summary>Time between two looks at the deployment.</summary>
    [Parameter("Time between two looks at the deployment, e.g. 500ms (default: 1s).")]
    TimeSpan DeployPollInterval => this.TryGetValue<TimeSpan?>() ?? TimeSpan.FromSeconds(1);
}

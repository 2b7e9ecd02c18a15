using Slipway.EcsDeploy.Deployments;

namespace Slipway.EcsDeploy.Tests.Deployments.Infrastructure;

/// <summary>Keeps every progress report, synchronously and in order (<see cref="Progress{T}"/> would post them to the thread pool), and can act on the first.</summary>
public sealed class RecordingProgress(Action<DeploymentProgress>? onFirst = null) : IProgress<DeploymentProgress>
{
    private readonly List<DeploymentProgress> _reports = [];

    public IReadOnlyList<DeploymentProgress> Reports
    {
        get
        {
            lock (_reports)
                return [.. _reports];
        }
    }

    public void Report(DeploymentProgress value)
    {
        lock (_reports)
            _reports.Add(value);
        if (Reports.Count == 1)
            onFirst?.Invoke(value);
    }
}

using System.Text;

namespace Slipway.EcsDeploy.Deployments;

/// <summary>What a deploy did.</summary>
public enum DeployStatus
{
    /// <summary>The new deployment completed.</summary>
    Deployed,

    /// <summary>No new deployment was started: the service already runs the revision, or UpdateService created none.</summary>
    Unchanged,

    /// <summary>A dry run: nothing was changed.</summary>
    DryRun,

    /// <summary>The deployment did not complete (failed, superseded, disappeared or timed out), rolled back or not.</summary>
    Failed,
}

/// <summary>A deploy's outcome with everything a build needs to report it: the deployment id, ECS's reason, the last events and any rollback.</summary>
public sealed record DeployResult
{
    /// <summary>What was done.</summary>
    public required DeployStatus Status { get; init; }

    /// <summary>The service's name.</summary>
    public required string Service { get; init; }

    /// <summary>The service's cluster name.</summary>
    public required string Cluster { get; init; }

    /// <summary>The revision asked for (the new deployment's task definition ARN once one was started).</summary>
    public required string TaskDefinition { get; init; }

    /// <summary>The task definition ARN the service ran before.</summary>
    public string? PreviousTaskDefinition { get; init; }

    /// <summary>The deployment UpdateService started; null when none was.</summary>
    public string? DeploymentId { get; init; }

    /// <summary>Whether the deploy created the service (from its service definition) before its first deployment.</summary>
    public bool Created { get; init; }

    /// <summary>One sentence saying what happened.</summary>
    public required string Message { get; init; }

    /// <summary>The wait for the deployment, when one was started.</summary>
    public DeploymentWaitResult? Wait { get; init; }

    /// <summary>The rollback after a failure, when one ran.</summary>
    public RollbackResult? Rollback { get; init; }

    /// <summary>Whether the build may go on: deployed, unchanged or a dry run.</summary>
    public bool Succeeded => Status != DeployStatus.Failed;

    /// <summary>The whole story for a log or a summary: what happened, ECS's reason, the rollback and the last service events.</summary>
    public string Describe()
    {
        var text = new StringBuilder(Message).AppendLine();
        if (Wait is { Succeeded: false })
            text.AppendLine(Wait.Reason);
        if (Rollback is not null)
            text.AppendLine(Rollback.Message);
        var events = Rollback?.Wait?.LastEvents ?? Wait?.LastEvents ?? [];
        if (!Succeeded && events.Count > 0)
        {
            text.AppendLine("Last service events (newest first):");
            foreach (var serviceEvent in events)
                text.AppendLine($"  {serviceEvent.CreatedAt:u} {serviceEvent.Message}");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Throws <see cref="DeploymentFailedException"/> carrying this result unless the deploy succeeded.</summary>
    public DeployResult EnsureSucceeded() => Succeeded ? this : throw new DeploymentFailedException(this);
}

/// <summary>A deploy that failed; <see cref="Result"/> says how, the message tells the whole story.</summary>
public sealed class DeploymentFailedException(DeployResult result) : Exception(result.Describe())
{
    /// <summary>The failed deploy.</summary>
    public DeployResult Result { get; } = result;
}

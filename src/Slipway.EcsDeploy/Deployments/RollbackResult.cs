namespace Slipway.EcsDeploy.Deployments;

/// <summary>What a rollback did.</summary>
public enum RollbackStatus
{
    /// <summary>UpdateService went back to the target and that deployment completed.</summary>
    RolledBack,

    /// <summary>The PRIMARY deployment already runs the target (e.g. the circuit breaker rolled back): followed, not changed.</summary>
    AlreadyOnTarget,

    /// <summary>No COMPLETED deployment says what to go back to: nothing was done.</summary>
    NoTarget,

    /// <summary>A dry run: nothing was changed.</summary>
    DryRun,

    /// <summary>The rollback deployment did not complete.</summary>
    Failed,
}

/// <summary>A rollback's status, its target revision and the wait for its deployment.</summary>
public sealed record RollbackResult
{
    /// <summary>What was done.</summary>
    public required RollbackStatus Status { get; init; }

    /// <summary>The task definition rolled back to; null when none was known.</summary>
    public string? TaskDefinition { get; init; }

    /// <summary>One sentence saying what happened.</summary>
    public required string Message { get; init; }

    /// <summary>The wait for the rollback deployment, when one was followed.</summary>
    public DeploymentWaitResult? Wait { get; init; }

    /// <summary>The revision deregistered after the confirmed rollback (<see cref="RollbackRequest.DeregisterRevision"/>); null when none was.</summary>
    public string? Deregistered { get; init; }

    /// <summary>Whether the service now runs (or, in a dry run, would be sent back to) a revision that completed before.</summary>
    public bool Succeeded => Status is RollbackStatus.RolledBack or RollbackStatus.AlreadyOnTarget or RollbackStatus.DryRun;
}

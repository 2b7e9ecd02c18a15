namespace Slipway;

/// <summary>A build target: a property whose value refines a definition, e.g. <c>Target Test => _ => _.DependsOn(Compile).Executes(...)</c>.</summary>
public delegate ITargetDefinition Target(ITargetDefinition definition);

/// <summary>Whether a target's dependencies still run when the target itself is skipped.</summary>
public enum DependencyBehavior
{
    /// <summary>Dependencies run even though the target is skipped (the default).</summary>
    Execute,

    /// <summary>Dependencies that nothing else scheduled needs are skipped too.</summary>
    Skip,
}

/// <summary>The state of a target in a build run.</summary>
public enum ExecutionStatus
{
    /// <summary>Not part of the plan.</summary>
    None,

    /// <summary>Planned and waiting to run.</summary>
    Scheduled,

    /// <summary>Currently running.</summary>
    Running,

    /// <summary>Ran its actions without error.</summary>
    Succeeded,

    /// <summary>Planned but skipped (a condition, --skip, or a skipped dependent); the reason is recorded.</summary>
    Skipped,

    /// <summary>An action threw.</summary>
    Failed,

    /// <summary>Interrupted while running (Ctrl-C or SIGTERM).</summary>
    Aborted,

    /// <summary>Planned but never started because an earlier target failed or the build was aborted.</summary>
    NotRun,

    /// <summary>A target without actions whose dependencies all completed.</summary>
    Collective,
}

using System.Reflection;

namespace Slipway.Execution;

/// <summary>A target of one build run: its definition resolved to other targets, and its status.</summary>
public sealed class ExecutableTarget
{
    internal ExecutableTarget(string name, PropertyInfo member, Target factory, int index)
    {
        Name = name;
        Member = member;
        Factory = factory;
        Index = index;
        Definition = null!;
    }

    /// <summary>The target's name (its property name).</summary>
    public string Name { get; }

    /// <summary>The type that declares the target's effective definition (a component interface or the build class).</summary>
    public Type DeclaringType => Member.DeclaringType!;

    internal PropertyInfo Member { get; }
    internal Target Factory { get; }
    internal int Index { get; }
    internal TargetDefinition Definition { get; set; }

    /// <summary>The one-line description, if any.</summary>
    public string? Description => Definition.DescriptionText;

    /// <summary>True for targets hidden from help.</summary>
    public bool IsUnlisted => Definition.IsUnlisted;

    /// <summary>Artifact globs the target produces.</summary>
    public IReadOnlyList<string> Produces => Definition.ProducedArtifacts;

    /// <summary>Artifact globs the target consumes.</summary>
    public IReadOnlyList<string> Consumes => Definition.ConsumedArtifacts;

    /// <summary>Targets that must run before this one (DependsOn, and DependentFor declared elsewhere).</summary>
    public List<ExecutableTarget> Dependencies { get; } = [];

    /// <summary>Targets that run before this one when both are planned (After, and Before declared elsewhere).</summary>
    public List<ExecutableTarget> OrderAfter { get; } = [];

    /// <summary>Targets this one triggers (Triggers, and TriggeredBy declared elsewhere).</summary>
    public List<ExecutableTarget> Triggers { get; } = [];

    /// <summary>Targets that trigger this one.</summary>
    public List<ExecutableTarget> TriggeredBy { get; } = [];

    /// <summary>The target's status in this run.</summary>
    public ExecutionStatus Status { get; internal set; }

    /// <summary>Why the target is in the plan ("invoked", "dependency of 'Test'", ...).</summary>
    public string? PlanReason { get; internal set; }

    /// <summary>Why the target was skipped or not run.</summary>
    public string? SkipReason { get; internal set; }

    /// <summary>How long the target ran.</summary>
    public TimeSpan Duration { get; internal set; }

    /// <summary>The exception a failed target threw.</summary>
    public Exception? Error { get; internal set; }

    /// <summary>Key/value notes the target reported for the summary table.</summary>
    public List<KeyValuePair<string, string>> SummaryNotes { get; } = [];

    /// <summary>Whether the target was named on the command line or is a default target.</summary>
    public bool IsInvoked { get; internal set; }

    /// <summary>Whether the target is a default target of the build.</summary>
    public bool IsDefault { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => Name;
}

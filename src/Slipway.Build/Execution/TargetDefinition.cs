using System.Reflection;

namespace Slipway.Execution;

/// <summary>A condition checked while planning; an awaited one is awaited there.</summary>
internal sealed record StaticCondition(Func<CancellationToken, Task<bool>> Evaluate, string Text);

/// <summary>A check awaited before anything runs that returns a problem, or null when the target is ready.</summary>
internal sealed record PreflightCheck(Func<CancellationToken, Task<string?>> Problem, string Text);

/// <summary>A condition checked just before the target runs, awaited; a synchronous one is wrapped.</summary>
internal sealed record DynamicCondition(Func<CancellationToken, Task<bool>> Evaluate, string Text);

/// <summary>A run-time check that returns why to skip the target (null to run), awaited; a synchronous one is wrapped.</summary>
internal sealed record SkipCheck(Func<CancellationToken, Task<string?>> Reason, string Text);

/// <summary>A requirement of a target: a parameter that must have a value, or a predicate that must hold.</summary>
internal sealed record Requirement(Func<object?>? Parameter, Func<bool>? Predicate, string Text)
{
    /// <summary>The member named by a parameter requirement such as <c>() => ApiKey</c>, or null.</summary>
    public string? MemberName => Parameter is null ? null : ExpressionText.LastIdentifier(Text);
}

/// <summary>The data a target's fluent definition collects.</summary>
internal sealed class TargetDefinition : ITargetDefinition
{
    private readonly object _build;
    private readonly PropertyInfo _member;

    public TargetDefinition(string name, object build, PropertyInfo member)
    {
        Name = name;
        _build = build;
        _member = member;
    }

    public string Name { get; }
    public string? DescriptionText { get; private set; }
    public List<Func<CancellationToken, Task>> Actions { get; } = [];
    public List<TargetReference> DependsOnTargets { get; } = [];
    public List<TargetReference> DependentForTargets { get; } = [];
    public List<TargetReference> AfterTargets { get; } = [];
    public List<TargetReference> BeforeTargets { get; } = [];
    public List<TargetReference> TriggersTargets { get; } = [];
    public List<TargetReference> TriggeredByTargets { get; } = [];
    public List<StaticCondition> StaticConditions { get; } = [];
    public List<PreflightCheck> PreflightChecks { get; } = [];
    public List<Func<CancellationToken, Task<string?>>> PlanDetailSources { get; } = [];
    public List<DynamicCondition> DynamicConditions { get; } = [];

    public List<SkipCheck> DynamicSkipChecks { get; } = [];
    public List<Requirement> Requirements { get; } = [];
    public DependencyBehavior SkipBehavior { get; private set; } = DependencyBehavior.Execute;
    public bool IsProceedAfterFailure { get; private set; }
    public bool IsAssuredAfterFailure { get; private set; }
    public bool IsUnlisted { get; private set; }
    public List<string> ProducedArtifacts { get; } = [];
    public List<string> ConsumedArtifacts { get; } = [];

    public ITargetDefinition Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    public ITargetDefinition Executes(Action action) => Add(_ =>
    {
        action();
        return Task.CompletedTask;
    });

    public ITargetDefinition Executes(Func<Task> action) => Add(_ => action());

    public ITargetDefinition Executes(Func<CancellationToken, Task> action) => Add(action);

    private TargetDefinition Add(Func<CancellationToken, Task> action)
    {
        Actions.Add(action);
        return this;
    }

    public ITargetDefinition DependsOn(params Target[] targets) => Direct(DependsOnTargets, targets);
    public ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets) => Through(DependsOnTargets, targets, optional: false);
    public ITargetDefinition TryDependsOn<T>(params Func<T, Target>[] targets) => Through(DependsOnTargets, targets, optional: true);
    public ITargetDefinition DependentFor(params Target[] targets) => Direct(DependentForTargets, targets);
    public ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets) => Through(DependentForTargets, targets, optional: false);
    public ITargetDefinition TryDependentFor<T>(params Func<T, Target>[] targets) => Through(DependentForTargets, targets, optional: true);
    public ITargetDefinition After(params Target[] targets) => Direct(AfterTargets, targets);
    public ITargetDefinition After<T>(params Func<T, Target>[] targets) => Through(AfterTargets, targets, optional: false);
    public ITargetDefinition TryAfter<T>(params Func<T, Target>[] targets) => Through(AfterTargets, targets, optional: true);
    public ITargetDefinition Before(params Target[] targets) => Direct(BeforeTargets, targets);
    public ITargetDefinition Before<T>(params Func<T, Target>[] targets) => Through(BeforeTargets, targets, optional: false);
    public ITargetDefinition TryBefore<T>(params Func<T, Target>[] targets) => Through(BeforeTargets, targets, optional: true);
    public ITargetDefinition Triggers(params Target[] targets) => Direct(TriggersTargets, targets);
    public ITargetDefinition Triggers<T>(params Func<T, Target>[] targets) => Through(TriggersTargets, targets, optional: false);
    public ITargetDefinition TryTriggers<T>(params Func<T, Target>[] targets) => Through(TriggersTargets, targets, optional: true);
    public ITargetDefinition TriggeredBy(params Target[] targets) => Direct(TriggeredByTargets, targets);
    public ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets) => Through(TriggeredByTargets, targets, optional: false);
    public ITargetDefinition TryTriggeredBy<T>(params Func<T, Target>[] targets) => Through(TriggeredByTargets, targets, optional: true);

    private TargetDefinition Direct(List<TargetReference> list, Target[] targets)
    {
        list.AddRange(targets.Select(TargetReference.Direct));
        return this;
    }

    private TargetDefinition Through<T>(List<TargetReference> list, Func<T, Target>[] targets, bool optional)
    {
        list.AddRange(targets.Select(x => TargetReference.Through(x, optional)));
        return this;
    }

    public ITargetDefinition OnlyWhenStatic(Func<bool> condition, string? expression = null) =>
        OnlyWhenStatic(_ => Task.FromResult(condition()), expression);

    public ITargetDefinition OnlyWhenStatic(Func<CancellationToken, Task<bool>> condition, string? expression = null)
    {
        StaticConditions.Add(new StaticCondition(condition, ExpressionText.Body(expression)));
        return this;
    }

    public ITargetDefinition Preflight(Func<CancellationToken, Task<string?>> problem, string? expression = null)
    {
        PreflightChecks.Add(new PreflightCheck(problem, ExpressionText.Body(expression)));
        return this;
    }

    public ITargetDefinition PlanDetails(Func<CancellationToken, Task<string?>> details)
    {
        PlanDetailSources.Add(details);
        return this;
    }

    public ITargetDefinition OnlyWhenDynamic(Func<bool> condition, string? expression = null) =>
        OnlyWhenDynamic(_ => Task.FromResult(condition()), expression);

    public ITargetDefinition OnlyWhenDynamic(Func<CancellationToken, Task<bool>> condition, string? expression = null)
    {
        DynamicConditions.Add(new DynamicCondition(condition, ExpressionText.Body(expression)));
        return this;
    }

    public ITargetDefinition SkipWhenDynamic(Func<string?> reason, string? expression = null) =>
        SkipWhenDynamic(_ => Task.FromResult(reason()), expression);

    public ITargetDefinition SkipWhenDynamic(Func<CancellationToken, Task<string?>> reason, string? expression = null)
    {
        DynamicSkipChecks.Add(new SkipCheck(reason, ExpressionText.Body(expression)));
        return this;
    }

    public ITargetDefinition Requires(Func<object?> parameter, string? expression = null)
    {
        Requirements.Add(new Requirement(parameter, null, ExpressionText.Body(expression)));
        return this;
    }

    public ITargetDefinition Requires(Func<bool> predicate, string? expression = null)
    {
        Requirements.Add(new Requirement(null, predicate, ExpressionText.Body(expression)));
        return this;
    }

    public ITargetDefinition WhenSkipped(DependencyBehavior behavior)
    {
        SkipBehavior = behavior;
        return this;
    }

    public ITargetDefinition ProceedAfterFailure()
    {
        IsProceedAfterFailure = true;
        return this;
    }

    public ITargetDefinition AssuredAfterFailure()
    {
        IsAssuredAfterFailure = true;
        return this;
    }

    public ITargetDefinition Unlisted()
    {
        IsUnlisted = true;
        return this;
    }

    public ITargetDefinition Produces(params string[] artifacts)
    {
        ProducedArtifacts.AddRange(artifacts);
        return this;
    }

    public ITargetDefinition Consumes(params string[] artifacts)
    {
        ConsumedArtifacts.AddRange(artifacts);
        return this;
    }

    public ITargetDefinition Inherit<T>()
    {
        var property = TargetMembers.FindTargetProperty(typeof(T), Name)
            ?? throw new BuildDefinitionException(
                $"Target '{Name}' inherits from '{typeof(T).Name}', which declares no target named '{Name}'. " +
                $"Use Inherit<{typeof(T).Name}>(x => x.OtherTarget) to name the target to inherit.");
        return Apply(property);
    }

    public ITargetDefinition Inherit<T>(Func<T, Target> target)
    {
        if (_build is not T component)
            throw new BuildDefinitionException($"Target '{Name}' inherits from '{typeof(T).Name}', which the build does not implement.");

        // The selector dispatches virtually; find which property it names, then call that property's own body.
        var selected = target(component);
        var property = TargetMembers.TargetProperties(typeof(T))
            .FirstOrDefault(x => Equals(TargetMembers.GetVirtual(x, _build), selected))
            ?? throw new BuildDefinitionException($"Target '{Name}' inherits a target that '{typeof(T).Name}' does not declare.");
        return Apply(property);
    }

    public ITargetDefinition Base()
    {
        var baseType = _member.DeclaringType?.BaseType;
        var property = baseType is null ? null : TargetMembers.FindTargetProperty(baseType, Name);
        if (property is null || property.GetMethod is not { IsAbstract: false })
            throw new BuildDefinitionException($"Target '{Name}' calls Base(), but no base class of '{_member.DeclaringType?.Name}' defines '{Name}'.");
        return Apply(property);
    }

    private ITargetDefinition Apply(PropertyInfo property)
    {
        var definition = TargetMembers.GetNonVirtual(property, _build);
        definition(this);
        return this;
    }
}

namespace Slipway.Execution;

/// <summary>A reference from one target's definition to another target, resolved once every target exists.</summary>
internal sealed class TargetReference
{
    private readonly Func<object, Target?> _resolve;

    private TargetReference(Func<object, Target?> resolve, Type? component, bool optional)
    {
        _resolve = resolve;
        Component = component;
        Optional = optional;
    }

    /// <summary>The component interface the reference goes through, or null for a direct reference.</summary>
    public Type? Component { get; }

    /// <summary>Whether a missing component makes the reference vanish instead of failing.</summary>
    public bool Optional { get; }

    public static TargetReference Direct(Target target) => new(_ => target, null, optional: false);

    public static TargetReference Through<T>(Func<T, Target> selector, bool optional) =>
        new(build => build is T component ? selector(component) : null, typeof(T), optional);

    /// <summary>The target delegate, or null when the build lacks the component.</summary>
    public Target? Resolve(object build) => _resolve(build);
}

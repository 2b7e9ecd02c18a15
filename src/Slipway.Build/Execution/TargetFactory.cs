using System.Reflection;

namespace Slipway.Execution;

/// <summary>Creates the executable targets of a build: finds target properties on the class and its components, applies their definitions and links them.</summary>
internal static class TargetFactory
{
    public static IReadOnlyList<ExecutableTarget> Create(object build)
    {
        var targets = new List<ExecutableTarget>();
        foreach (var (member, factory) in Discover(build))
        {
            var name = TargetMembers.ShortName(member);
            var same = targets.FirstOrDefault(x => Equals(x.Factory, factory));
            if (same is not null)
                continue;
            var clash = targets.FirstOrDefault(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase));
            if (clash is not null)
                throw new BuildDefinitionException(
                    $"Target '{name}' is defined twice: by '{Describe(clash.DeclaringType)}' and by '{Describe(member.DeclaringType!)}'. " +
                    $"Override it once in '{build.GetType().Name}' (e.g. Target {Describe(member.DeclaringType!)}.{name} => _ => _.Inherit<{Describe(member.DeclaringType!)}>()) or rename one of them.");
            targets.Add(new ExecutableTarget(name, member, factory, targets.Count));
        }

        foreach (var target in targets)
        {
            var definition = new TargetDefinition(target.Name, build, target.Member);
            try
            {
                target.Factory(definition);
            }
            catch (Exception exception) when (exception is not BuildDefinitionException)
            {
                throw new BuildDefinitionException($"The definition of target '{target.Name}' threw: {exception.Message}");
            }

            target.Definition = definition;
        }

        foreach (var target in targets)
            Link(build, target, targets);
        return targets;
    }

    /// <summary>Every target property with its effective definition: class members first, then component interfaces.</summary>
    private static IEnumerable<(PropertyInfo Member, Target Factory)> Discover(object build)
    {
        var type = build.GetType();
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var property in TargetMembers.TargetProperties(current).Where(x => !x.Name.Contains('.')))
                yield return (property, TargetMembers.GetVirtual(property, build));
        }

        foreach (var component in type.GetInterfaces().OrderBy(x => x.FullName, StringComparer.Ordinal))
        {
            var map = type.GetInterfaceMap(component);
            foreach (var property in TargetMembers.TargetProperties(component))
            {
                var index = Array.IndexOf(map.InterfaceMethods, property.GetMethod);
                var implementation = index >= 0 ? map.TargetMethods[index] : null;
                var effective = implementation?.DeclaringType?
                    .GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                    .FirstOrDefault(x => x.GetMethod == implementation) ?? property;
                yield return (effective, TargetMembers.GetVirtual(property, build));
            }
        }
    }

    private static void Link(object build, ExecutableTarget target, IReadOnlyList<ExecutableTarget> targets)
    {
        var definition = target.Definition;
        foreach (var other in Resolve(build, target, definition.DependsOnTargets, targets, "DependsOn"))
            AddOnce(target.Dependencies, other);
        foreach (var other in Resolve(build, target, definition.DependentForTargets, targets, "DependentFor"))
            AddOnce(other.Dependencies, target);
        foreach (var other in Resolve(build, target, definition.AfterTargets, targets, "After"))
            AddOnce(target.OrderAfter, other);
        foreach (var other in Resolve(build, target, definition.BeforeTargets, targets, "Before"))
            AddOnce(other.OrderAfter, target);
        foreach (var other in Resolve(build, target, definition.TriggersTargets, targets, "Triggers"))
        {
            AddOnce(target.Triggers, other);
            AddOnce(other.TriggeredBy, target);
        }

        foreach (var other in Resolve(build, target, definition.TriggeredByTargets, targets, "TriggeredBy"))
        {
            AddOnce(other.Triggers, target);
            AddOnce(target.TriggeredBy, other);
        }
    }

    private static IEnumerable<ExecutableTarget> Resolve(
        object build, ExecutableTarget owner, List<TargetReference> references, IReadOnlyList<ExecutableTarget> targets, string relation)
    {
        foreach (var reference in references)
        {
            var factory = reference.Resolve(build);
            if (factory is null)
            {
                if (reference.Optional)
                    continue;
                throw new BuildDefinitionException(
                    $"Target '{owner.Name}' uses {relation}<{reference.Component!.Name}>, but '{build.GetType().Name}' does not implement '{reference.Component.Name}'. " +
                    $"Add the component to the build or use Try{relation}<{reference.Component.Name}>.");
            }

            yield return targets.FirstOrDefault(x => Equals(x.Factory, factory))
                ?? throw new BuildDefinitionException($"Target '{owner.Name}' uses {relation} with a target that is not a Target property of '{build.GetType().Name}'.");
        }
    }

    private static void AddOnce(List<ExecutableTarget> list, ExecutableTarget target)
    {
        if (!list.Contains(target))
            list.Add(target);
    }

    private static string Describe(Type type) => type.Name;
}

using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;

namespace Slipway.Execution;

/// <summary>Finds target properties by reflection and reads them virtually or non-virtually.</summary>
internal static class TargetMembers
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
    private static readonly ConcurrentDictionary<MethodInfo, Func<object, Target>> NonVirtualGetters = new();

    /// <summary>Every Target property declared on a type (for interfaces: on the interface itself).</summary>
    public static IEnumerable<PropertyInfo> TargetProperties(Type type) =>
        type.GetProperties(Instance | BindingFlags.DeclaredOnly)
            .Where(x => x.PropertyType == typeof(Target) && x.GetIndexParameters().Length == 0 && x.GetMethod is not null);

    /// <summary>The Target property named <paramref name="name"/> on a type, its base classes or the interfaces it extends.</summary>
    public static PropertyInfo? FindTargetProperty(Type type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            var match = TargetProperties(current).FirstOrDefault(x => ShortName(x) == name);
            if (match is not null)
                return match;
        }

        return type.GetInterfaces().SelectMany(TargetProperties).FirstOrDefault(x => ShortName(x) == name);
    }

    /// <summary>The target name of a property; explicit implementations (<c>ITest.Test</c>) lose their interface prefix.</summary>
    public static string ShortName(PropertyInfo property) =>
        property.Name[(property.Name.LastIndexOf('.') + 1)..];

    /// <summary>Reads a target property with normal (virtual, interface) dispatch: the build's override wins.</summary>
    public static Target GetVirtual(PropertyInfo property, object build) =>
        (Target)(property.GetValue(build) ?? throw new BuildDefinitionException($"Target '{ShortName(property)}' returned null."));

    /// <summary>Reads exactly the given property body, ignoring overrides (for Inherit and Base).</summary>
    public static Target GetNonVirtual(PropertyInfo property, object build)
    {
        var getter = property.GetMethod!;
        var invoke = NonVirtualGetters.GetOrAdd(getter, static method =>
        {
            var dynamicMethod = new DynamicMethod($"nonvirtual_{method.Name}", typeof(Target), [typeof(object)], method.Module, skipVisibility: true);
            var il = dynamicMethod.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Castclass, method.DeclaringType!);
            il.Emit(OpCodes.Call, method);
            il.Emit(OpCodes.Ret);
            return dynamicMethod.CreateDelegate<Func<object, Target>>();
        });
        return invoke(build);
    }
}

using System.Reflection;

namespace Slipway.Parameters;

/// <summary>A declared build parameter: its names, type, description and where its value came from.</summary>
public sealed class ParameterDescriptor
{
    internal ParameterDescriptor(string name, Type type, ParameterAttribute attribute, bool isSecret, MemberInfo member)
    {
        Name = name;
        Type = type;
        Attribute = attribute;
        IsSecret = isSecret;
        Members.Add(member);
    }

    /// <summary>The parameter's name: the member name, or the attribute's Name.</summary>
    public string Name { get; }

    /// <summary>The member's type.</summary>
    public Type Type { get; }

    /// <summary>The one-line description.</summary>
    public string? Description => Attribute.Description;

    /// <summary>Whether the value is secret.</summary>
    public bool IsSecret { get; internal set; }

    /// <summary>The command-line option, e.g. <c>--docker-host</c>.</summary>
    public string CliName => "--" + ParameterNames.ToCliName(Name);

    /// <summary>The canonical environment variable, e.g. <c>DOCKER_HOST</c> (SLIPWAY_DOCKER_HOST is accepted too).</summary>
    public string EnvironmentName => ParameterNames.ToEnvironmentName(Name);

    /// <summary>The value before any source set it (the initializer or the component's fallback).</summary>
    public object? DefaultValue { get; internal set; }

    /// <summary>Where the resolved value came from ("command line", "environment variable X", a file, or null for the default).</summary>
    public string? Source { get; internal set; }

    internal ParameterAttribute Attribute { get; }
    internal List<MemberInfo> Members { get; } = [];

    internal static IReadOnlyList<ParameterDescriptor> Discover(Type buildType)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var members = new List<MemberInfo>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
            members.AddRange(type.GetMembers(flags).Where(x => x is FieldInfo or PropertyInfo));
        foreach (var component in buildType.GetInterfaces().OrderBy(x => x.FullName, StringComparer.Ordinal))
            members.AddRange(component.GetProperties(flags));

        var result = new List<ParameterDescriptor>();
        foreach (var member in members)
        {
            if (member.GetCustomAttribute<ParameterAttribute>() is not { } attribute)
                continue;
            var name = attribute.Name ?? member.Name[(member.Name.LastIndexOf('.') + 1)..];
            var type = member is FieldInfo field ? field.FieldType : ((PropertyInfo)member).PropertyType;
            var secret = member.GetCustomAttribute<SecretAttribute>() is not null;
            var existing = result.FirstOrDefault(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase));
            if (existing is null)
            {
                result.Add(new ParameterDescriptor(name, type, attribute, secret, member));
                continue;
            }

            if ((Nullable.GetUnderlyingType(existing.Type) ?? existing.Type) != (Nullable.GetUnderlyingType(type) ?? type))
                throw new BuildDefinitionException(
                    $"Parameter '{name}' is declared twice with different types: {existing.Type.Name} in '{existing.Members[0].DeclaringType?.Name}' and {type.Name} in '{member.DeclaringType?.Name}'. Rename one of them.");
            existing.Members.Add(member);
            existing.IsSecret |= secret;
        }

        return result;
    }
}

using System.Reflection;
using System.Xml.Linq;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Tests.Documentation;

/// <summary>The solution silences CS1591, so this checks the registry client's public API for its one-sentence summaries.</summary>
public class PublicApiDocumentationTest
{
    static readonly string[] Namespaces =
        ["Slipway.Containers.Copying", "Slipway.Containers.Manifests", "Slipway.Containers.References", "Slipway.Containers.Registry"];

    // Members a record or enum gets from the compiler, documented by the type itself.
    static readonly string[] Generated =
        ["EqualityContract", "Equals", "GetHashCode", "PrintMembers", "Deconstruct", "<Clone>$", "op_Equality", "op_Inequality", "value__"];

    [Fact]
    public void TestEveryPublicMember_HasASummary()
    {
        var assembly = typeof(RegistryClient).Assembly;
        var members = XDocument.Load(Path.ChangeExtension(assembly.Location, ".xml")).Descendants("member").ToList();
        var documented = members
            .Where(m => m.Element("summary") is not null || m.Element("inheritdoc") is not null)
            .Select(m => m.Attribute("name")!.Value)
            // A positional record's properties are documented by the type's <param> tags.
            .Concat(members.Where(m => m.Attribute("name")!.Value.StartsWith("T:", StringComparison.Ordinal))
                .SelectMany(m => m.Elements("param").Select(p => "P:" + m.Attribute("name")!.Value[2..] + "." + p.Attribute("name")!.Value)))
            .ToHashSet();
        var types = assembly.GetExportedTypes().Where(t => Namespaces.Contains(t.Namespace) || t == typeof(Digest));

        var missing = new List<string>();
        foreach (var type in types)
        {
            var name = type.FullName!.Replace('+', '.');
            if (!documented.Contains("T:" + name))
                missing.Add("T:" + name);
            const BindingFlags declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetMembers(declared))
            {
                if (Generated.Contains(member.Name) || member is MethodInfo { IsSpecialName: true } || member is ConstructorInfo { IsStatic: false } c && c.GetParameters().Length == 0
                    || member.Name == "ToString" && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null)
                    continue;
                var prefix = member switch
                {
                    ConstructorInfo => $"M:{name}.#ctor",
                    MethodInfo => $"M:{name}.{member.Name}",
                    PropertyInfo => $"P:{name}.{member.Name}",
                    FieldInfo => $"F:{name}.{member.Name}",
                    EventInfo => $"E:{name}.{member.Name}",
                    _ => null,
                };
                // Overloads share a prefix: any documented one counts (the parameter lists are not rebuilt here).
                if (prefix is not null && !documented.Any(d => d == prefix || d.StartsWith(prefix + "(", StringComparison.Ordinal)))
                    missing.Add(prefix);
            }
        }

        Assert.True(missing.Count == 0, "Missing summaries:\n" + string.Join("\n", missing));
    }
}

using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace Slipway.CiConfiguration.Pipelines;

/// <summary>
/// CloudFormation templates as plain trees (<see cref="Dictionary{TKey,TValue}"/> in insertion order, lists, strings, booleans):
/// written as block YAML with long-form intrinsics, read back from YAML or JSON with short-form tags (<c>!Ref</c>, <c>!GetAtt</c>, <c>!Sub</c>...) turned into their long form.
/// </summary>
public static class CloudFormationYaml
{
    /// <summary>A mapping whose null values are left out, so optional keys can be written inline.</summary>
    public static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            if (value is not null)
                map.Add(key, value);
        }

        return map;
    }

    /// <summary><c>{Ref: name}</c>.</summary>
    public static Dictionary<string, object?> Ref(string name) => Map(("Ref", name));

    /// <summary><c>{Fn::GetAtt: [resource, attribute]}</c>.</summary>
    public static Dictionary<string, object?> GetAtt(string resource, string attribute) => Map(("Fn::GetAtt", new List<object?> { resource, attribute }));

    /// <summary><c>{Fn::Sub: text}</c>.</summary>
    public static Dictionary<string, object?> Sub(string text) => Map(("Fn::Sub", text));

    /// <summary>A string always written double-quoted: YAML 1.1 readers take a bare <c>2010-09-09</c> for a date.</summary>
    public sealed record Quoted(string Value);

    /// <summary>The tree as YAML: block style, strings quoted only where YAML would read them as something else, keys in insertion order.</summary>
    public static string Write(object tree) => new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .WithTypeConverter(new QuotedConverter())
        .WithIndentedSequences()
        .DisableAliases()
        .Build()
        .Serialize(tree)
        .ReplaceLineEndings("\n");

    /// <summary>Reads a template (YAML or JSON) into a tree of dictionaries, lists and strings (every scalar a string).</summary>
    /// <exception cref="FormatException">The text is not YAML or holds no mapping.</exception>
    public static Dictionary<string, object?> Read(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new FormatException($"The template is not valid YAML: {e.Message}", e);
        }

        return stream.Documents is [{ RootNode: YamlMappingNode root }]
            ? (Dictionary<string, object?>)Convert(root)!
            : throw new FormatException("The template is not one YAML mapping (expected AWSTemplateFormatVersion, Parameters, Resources...).");
    }

    private sealed class QuotedConverter : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type == typeof(Quoted);

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer) => throw new NotSupportedException();

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
            emitter.Emit(new Scalar(null, null, ((Quoted)value!).Value, ScalarStyle.DoubleQuoted, true, false));
    }

    private static object? Convert(YamlNode node)
    {
        object? value = node switch
        {
            YamlScalarNode scalar => scalar.Value,
            YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
            YamlMappingNode mapping => mapping.Children.ToDictionary(x => ((YamlScalarNode)x.Key).Value ?? "", x => Convert(x.Value), StringComparer.Ordinal),
            _ => null,
        };
        var tag = node.Tag.IsEmpty || node.Tag.IsNonSpecific ? null : node.Tag.Value;
        return tag switch
        {
            null or "tag:yaml.org,2002:str" => value,
            "!Ref" => Map(("Ref", value)),
            // The short form's "Resource.Attribute" is the long form's [Resource, Attribute].
            "!GetAtt" when value is string dotted && dotted.Split('.', 2) is [var resource, var attribute] => GetAtt(resource, attribute),
            "!Condition" => Map(("Condition", value)),
            _ when tag.StartsWith('!') => Map(($"Fn::{tag[1..]}", value)),
            _ => value,
        };
    }
}

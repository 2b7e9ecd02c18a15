using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.Versioning.Configuration;

/// <summary>Reads YAML text into an untyped <see cref="ConfigMap"/>, keeping each value's line and column for messages.</summary>
internal static partial class YamlTreeReader
{
    /// <summary>The top-level map of <paramref name="yaml"/>; an empty document is an empty map.</summary>
    /// <exception cref="ConfigurationException">The text is not YAML, or its top level is not a map.</exception>
    public static ConfigMap Read(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException exception)
        {
            var location = new SourceLocation(source, (int)exception.Start.Line, (int)exception.Start.Column);
            throw new ConfigurationException(
                $"{location}: not valid YAML: {WithoutPosition(exception.Message)}. " +
                "Fix the syntax there (indentation, a missing ':' or an unclosed quote or bracket).",
                exception);
        }

        if (stream.Documents.Count == 0)
            return ConfigMap.Empty(source);

        var root = Convert(stream.Documents[0].RootNode, source);
        return root switch
        {
            ConfigMap map => map,
            ConfigScalar { Value: null } => ConfigMap.Empty(source),
            _ => throw new ConfigurationException(
                $"{root.Location}: the configuration must be a map of keys such as 'workflow:' and 'branches:', not {root.Describe()}."),
        };
    }

    private static ConfigNode Convert(YamlNode node, string source)
    {
        var location = new SourceLocation(source, (int)node.Start.Line, (int)node.Start.Column);
        switch (node)
        {
            case YamlScalarNode scalar:
                return new ConfigScalar(IsNull(scalar) ? null : scalar.Value ?? "", location);
            case YamlSequenceNode sequence:
                return new ConfigList(sequence.Children.Select(x => Convert(x, source)).ToList(), location);
            case YamlMappingNode mapping:
                var entries = new List<ConfigEntry>();
                foreach (var (key, value) in mapping.Children)
                {
                    var keyLocation = new SourceLocation(source, (int)key.Start.Line, (int)key.Start.Column);
                    if (key is not YamlScalarNode { Value: { } name })
                        throw new ConfigurationException($"{keyLocation}: a key must be a plain name such as 'label', not a list or a map.");
                    entries.Add(new ConfigEntry(name, keyLocation, Convert(value, source)));
                }

                return new ConfigMap(entries, location);
            default:
                throw new ConfigurationException($"{location}: unsupported YAML node '{node.NodeType}'.");
        }
    }

    // Only a plain (unquoted) scalar can be null: `label: ''` is an empty label, `label:` and `label: ~` are unset.
    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the location is reported separately.
    private static string WithoutPosition(string message) => PositionPrefix().Replace(message, "").TrimEnd('.');

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();
}

using Slipway.CiConfiguration.Buildspecs;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.CiConfiguration.Rehearsals;

/// <summary>Reads any buildspec.yml, generated or hand-written, with YamlDotNet's representation model (no fixed schema).</summary>
public static class BuildspecReader
{
    /// <summary>Reads the buildspec text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="BuildspecException">The text is not a version 0.2 buildspec the rehearsal can run.</exception>
    public static Buildspec Read(string text, string source = "buildspec.yml")
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            throw new BuildspecException($"'{source}' is not valid YAML ({exception.Start}): {exception.Message}", exception);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new BuildspecException($"'{source}' holds no mapping: a buildspec starts with 'version: 0.2'.");
        var version = Scalar(root, "version");
        if (version is not "0.2")
            throw new BuildspecException($"'{source}' has version '{version}': the rehearsal runs buildspec version 0.2 (one shell for all commands); write 'version: 0.2'.");

        var env = Mapping(root, "env");
        var exported = Strings(env, "exported-variables");
        // CodeBuild rejects AWS_ names here: they are reserved and never leave the build.
        if (exported.FirstOrDefault(x => x.StartsWith("AWS_", StringComparison.Ordinal)) is { } reserved)
            throw new BuildspecException($"'{source}' exports '{reserved}': CodeBuild refuses exported variables whose names start with AWS_. Export the value under another name.");

        return new Buildspec
        {
            Env = new BuildspecEnvironment
            {
                Variables = Pairs(Mapping(env, "variables")),
                ParameterStore = Pairs(Mapping(env, "parameter-store")),
                SecretsManager = Pairs(Mapping(env, "secrets-manager")),
                ExportedVariables = exported,
            },
            Phases = ReadPhases(Mapping(root, "phases"), source),
            Reports = [.. Entries(Mapping(root, "reports")).Select(x =>
            {
                var (files, baseDirectory, discardPaths) = ReadFiles(x.Value as YamlMappingNode, $"reports.{x.Key}", source);
                return new BuildspecReportGroup(((YamlScalarNode)x.Key).Value ?? "") { Files = files, BaseDirectory = baseDirectory, DiscardPaths = discardPaths };
            })],
            Artifacts = Mapping(root, "artifacts") is { } artifacts && ReadFiles(artifacts, "artifacts", source) is var (files, baseDirectory, discardPaths)
                ? new BuildspecArtifacts { Files = files, BaseDirectory = baseDirectory, DiscardPaths = discardPaths }
                : null,
        };
    }

    private static BuildspecPhases ReadPhases(YamlMappingNode? phases, string source)
    {
        var result = new Dictionary<string, BuildspecPhase>();
        foreach (var (key, value) in Entries(phases))
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (!BuildspecPhases.Names.Contains(name))
                throw new BuildspecException($"'{source}' has a phase '{name}': CodeBuild knows {string.Join(", ", BuildspecPhases.Names)}.");
            var phase = value as YamlMappingNode;
            var onFailure = Scalar(phase, "on-failure");
            result[name] = new BuildspecPhase
            {
                Commands = Strings(phase, "commands"),
                Finally = Strings(phase, "finally"),
                OnFailure = onFailure?.ToUpperInvariant() switch
                {
                    null => null,
                    "ABORT" => BuildspecOnFailure.Abort,
                    "CONTINUE" => BuildspecOnFailure.Continue,
                    _ => throw new BuildspecException($"'{source}' has 'on-failure: {onFailure}' in phase '{name}': expected ABORT or CONTINUE."),
                },
            };
        }

        return new BuildspecPhases
        {
            Install = result.GetValueOrDefault("install"),
            PreBuild = result.GetValueOrDefault("pre_build"),
            Build = result.GetValueOrDefault("build"),
            PostBuild = result.GetValueOrDefault("post_build"),
        };
    }

    private static (List<string> Files, string? BaseDirectory, bool DiscardPaths) ReadFiles(YamlMappingNode? node, string where, string source)
    {
        var files = Strings(node, "files");
        if (files.Count == 0)
            throw new BuildspecException($"'{source}' has no files under '{where}': list at least one path or glob (e.g. '**/*').");
        return (files, Scalar(node, "base-directory"), Scalar(node, "discard-paths")?.ToLowerInvariant() is "yes" or "true" or "on");
    }

    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Entries(YamlMappingNode? node) =>
        node?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>();

    private static YamlMappingNode? Mapping(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value as YamlMappingNode : null;

    private static string? Scalar(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    // A list of scalars; a single scalar counts as a list of one.
    private static List<string> Strings(YamlMappingNode? node, string key)
    {
        if (node is null || !node.Children.TryGetValue(new YamlScalarNode(key), out var value))
            return [];
        return value switch
        {
            YamlSequenceNode sequence => [.. sequence.Children.OfType<YamlScalarNode>().Select(x => x.Value ?? "")],
            YamlScalarNode scalar when !string.IsNullOrEmpty(scalar.Value) => [scalar.Value],
            _ => [],
        };
    }

    private static Dictionary<string, string> Pairs(YamlMappingNode? node) =>
        Entries(node).ToDictionary(x => ((YamlScalarNode)x.Key).Value ?? "", x => (x.Value as YamlScalarNode)?.Value ?? "");
}

/// <summary>A buildspec the rehearsal cannot run, or a value it cannot resolve; the message names the file or entry.</summary>
public sealed class BuildspecException(string message, Exception? innerException = null) : Exception(message, innerException);

using System.Text.Json;

namespace Slipway.EcsDeploy.Environments;

/// <summary>The sections of an environments file as written, with where each environment starts.</summary>
internal sealed record EnvironmentsFileContent(
    EnvironmentSettings Defaults,
    IReadOnlyDictionary<string, EnvironmentSettings> Environments,
    IReadOnlyDictionary<string, TextPosition> EnvironmentPositions);

/// <summary>Binds the JSON of an environments file to its sections, collecting every problem (wrong type, unknown key, unknown platform) before failing.</summary>
internal sealed class EnvironmentsFileReader(string displayPath)
{
    private readonly List<string> _problems = [];

    /// <summary>The content of <paramref name="utf8"/>, or <see cref="EnvironmentsFileException"/> naming every problem.</summary>
    public EnvironmentsFileContent Read(ReadOnlySpan<byte> utf8)
    {
        LocatedJson root;
        try
        {
            root = LocatedJsonReader.Read(utf8);
        }
        catch (LocatedJsonException e)
        {
            throw new EnvironmentsFileException("", [$"{Where(e.At)}: {e.Message}"]);
        }

        var content = ReadRoot(root);
        return _problems.Count == 0 ? content : throw new EnvironmentsFileException(
            _problems.Count == 1 ? "" : $"{displayPath} has {_problems.Count} problems:", _problems);
    }

    private EnvironmentsFileContent ReadRoot(LocatedJson root)
    {
        var defaults = new EnvironmentSettings();
        var environments = new Dictionary<string, EnvironmentSettings>(StringComparer.Ordinal);
        var positions = new Dictionary<string, TextPosition>(StringComparer.Ordinal);
        if (root is not LocatedObject file)
        {
            Problem(root.At, null, "expected a JSON object with \"environments\" (and optionally \"defaults\")");
            return new EnvironmentsFileContent(defaults, environments, positions);
        }

        var hasEnvironments = false;
        foreach (var member in Distinct(file, null))
        {
            switch (member.Name)
            {
                case "$schema":
                    if (member.Value is not LocatedScalar { Kind: JsonTokenType.String })
                        Problem(member.Value.At, "$schema", "expected a string (the path or URL of environments.schema.json)");
                    break;
                case "defaults":
                    defaults = ReadSection(member, "defaults");
                    break;
                case "environments":
                    hasEnvironments = true;
                    ReadEnvironments(member.Value, environments, positions);
                    break;
                default:
                    Problem(member.At, member.Name,
                        $"unknown key.{KeySuggestion.DidYouMean(member.Name, ["defaults", "environments"])} The file holds \"defaults\" and \"environments\".");
                    break;
            }
        }

        if (!hasEnvironments)
            Problem(file.At, null, "no \"environments\": add \"environments\": { \"development\": { ... } } with the environments the branches deploy to");
        return new EnvironmentsFileContent(defaults, environments, positions);
    }

    private void ReadEnvironments(LocatedJson value, Dictionary<string, EnvironmentSettings> environments, Dictionary<string, TextPosition> positions)
    {
        if (value is not LocatedObject section)
        {
            Problem(value.At, "environments", "expected an object of environments by name, e.g. { \"development\": { ... } }");
            return;
        }

        foreach (var member in Distinct(section, "environments"))
        {
            // Overrides and messages address a value as "environment.key", so a name may not hold a dot.
            if (member.Name.Length == 0 || member.Name.Contains('.', StringComparison.Ordinal))
            {
                Problem(member.At, $"environments.{member.Name}", "an environment's name must be non-empty and without '.', e.g. 'staging'");
                continue;
            }

            environments[member.Name] = ReadSection(member, member.Name);
            positions[member.Name] = member.At;
        }
    }

    private EnvironmentSettings ReadSection(LocatedMember member, string path)
    {
        var settings = new EnvironmentSettings();
        if (member.Value is not LocatedObject section)
        {
            Problem(member.Value.At, path, "expected an object of settings, e.g. { \"cluster\": \"orders\" }");
            return settings;
        }

        foreach (var entry in Distinct(section, path))
        {
            var keyPath = $"{path}.{entry.Name}";
            if (EnvironmentKeys.Find(entry.Name) is not { } key)
            {
                Problem(entry.At, keyPath,
                    $"unknown key.{KeySuggestion.DidYouMean(entry.Name, EnvironmentKeys.Names, path + ".")} Known keys: {string.Join(", ", EnvironmentKeys.Names)}.");
                continue;
            }

            if (ReadValue(key, entry.Value, keyPath) is { } value)
                settings = key.Set(settings, value) with { Origins = settings.Origins.SetItem(key.Name, $"{Where(entry.Value.At)}: '{keyPath}'") };
        }

        return settings;
    }

    private object? ReadValue(EnvironmentKey key, LocatedJson value, string keyPath)
    {
        switch (key.Kind)
        {
            case EnvironmentValueKind.StringList:
                if (value is LocatedArray { Items.Count: > 0 } array && array.Items.All(x => x is LocatedScalar { Kind: JsonTokenType.String, Text.Length: > 0 }))
                    return array.Items.Select(x => ((LocatedScalar)x).Text).ToList();
                Problem(value.At, keyPath, "expected an array of one or more container names, e.g. [\"app\"]");
                return null;
            case EnvironmentValueKind.Platform:
                if (value is LocatedScalar { Kind: JsonTokenType.String } platform)
                {
                    if (EnvironmentValues.Platform(platform.Text, out var error) is { } parsed)
                        return parsed;
                    Problem(value.At, keyPath, error);
                    return null;
                }

                Problem(value.At, keyPath, $"expected a string: {string.Join(" or ", EnvironmentKeys.PlatformNames.Select(x => $"\"{x}\""))}");
                return null;
            default:
                if (value is LocatedScalar { Kind: JsonTokenType.String, Text.Length: > 0 } text)
                    return text.Text;
                Problem(value.At, keyPath, value is LocatedScalar { Kind: JsonTokenType.String }
                    ? "expected a non-empty string (leave the key out to use the default)"
                    : "expected a string");
                return null;
        }
    }

    // Members in order, a repeated key reported (System.Text.Json would keep the last silently).
    private IEnumerable<LocatedMember> Distinct(LocatedObject section, string? path)
    {
        var seen = new Dictionary<string, TextPosition>(StringComparer.Ordinal);
        foreach (var member in section.Members)
        {
            if (seen.TryGetValue(member.Name, out var first))
            {
                Problem(member.At, path is null ? member.Name : $"{path}.{member.Name}", $"written twice (first on line {first.Line}): keep one");
                continue;
            }

            seen[member.Name] = member.At;
            yield return member;
        }
    }

    private string Where(TextPosition at) => $"{displayPath}({at.Line},{at.Column})";

    private void Problem(TextPosition at, string? keyPath, string message) =>
        _problems.Add(keyPath is null ? $"{Where(at)}: {message}" : $"{Where(at)}: '{keyPath}': {message}");
}

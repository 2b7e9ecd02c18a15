using System.Collections.Immutable;

namespace Slipway.EcsDeploy.Environments;

public sealed partial class EnvironmentsFile
{
    private readonly Overrides _overrides;

    /// <summary>
    /// The file with <paramref name="overrides"/> applied over what it says: a key <c>staging.cluster</c> sets one environment's value,
    /// a key <c>cluster</c> every environment's (an environment's own override wins); <c>containers</c> are comma-separated.
    /// Later calls add to earlier ones. Unknown keys or environments and wrong values fail naming <paramref name="source"/> and the key.
    /// </summary>
    /// <param name="overrides">Values by key, as parameters pass them.</param>
    /// <param name="source">What the values are, for messages, e.g. <c>parameter</c> or <c>--env-override</c>.</param>
    /// <exception cref="EnvironmentsFileException">An override names an unknown key or environment, or its value is wrong.</exception>
    public EnvironmentsFile WithOverrides(IReadOnlyDictionary<string, string> overrides, string source = "override")
    {
        var problems = new List<string>();
        var result = _overrides;
        foreach (var (path, text) in overrides.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            var origin = $"{source} '{path}'";
            var dot = path.IndexOf('.', StringComparison.Ordinal);
            var environment = dot < 0 ? null : path[..dot];
            var name = dot < 0 ? path : path[(dot + 1)..];
            if (environment is not null && !Environments.ContainsKey(environment))
            {
                problems.Add($"{origin}: environment '{environment}' is not in {DisplayPath}.{KeySuggestion.DidYouMean(environment, Environments.Keys)} " +
                    $"Environments: {string.Join(", ", Environments.Keys)}.");
                continue;
            }

            if (EnvironmentKeys.Find(name) is not { } key)
            {
                var prefix = environment is null ? "" : environment + ".";
                problems.Add($"{origin}: unknown key.{KeySuggestion.DidYouMean(name, EnvironmentKeys.Names, prefix)} " +
                    $"Keys: {string.Join(", ", EnvironmentKeys.Names)}, each alone or after an environment's name and a dot (e.g. 'staging.cluster').");
                continue;
            }

            if (Parse(key, text, origin, problems) is { } value)
                result = result.Set(environment, key, value, origin);
        }

        if (problems.Count > 0)
            throw new EnvironmentsFileException(problems.Count == 1 ? "" : $"{problems.Count} overrides of {DisplayPath} are wrong:", problems);
        var file = new EnvironmentsFile(DisplayPath, Folder, _repositoryFolderName, new EnvironmentsFileContent(Defaults, Environments, _positions), result);
        file.Check();
        return file;
    }

    private static object? Parse(EnvironmentKey key, string text, string origin, List<string> problems)
    {
        switch (key.Kind)
        {
            case EnvironmentValueKind.Platform:
                if (EnvironmentValues.Platform(text, out var error) is { } platform)
                    return platform;
                problems.Add($"{origin}: {error}");
                return null;
            case EnvironmentValueKind.StringList:
                var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (names.Length > 0)
                    return names;
                problems.Add($"{origin}: expected one or more container names, comma-separated, e.g. 'app,sidecar'");
                return null;
            default:
                if (text.Trim().Length > 0)
                    return text.Trim();
                problems.Add($"{origin}: empty: give a value, or leave the override out to use the file's");
                return null;
        }
    }

    /// <summary>Overrides of every environment and of single ones, kept apart so an environment's own override wins.</summary>
    private sealed record Overrides(EnvironmentSettings Every, ImmutableDictionary<string, EnvironmentSettings> ByEnvironment)
    {
        public static readonly Overrides None = new(new EnvironmentSettings(), ImmutableDictionary<string, EnvironmentSettings>.Empty);

        public EnvironmentSettings For(string environment) => ByEnvironment.GetValueOrDefault(environment) ?? new EnvironmentSettings();

        public Overrides Set(string? environment, EnvironmentKey key, object value, string origin)
        {
            var settings = environment is null ? Every : For(environment);
            settings = key.Set(settings, value) with { Origins = settings.Origins.SetItem(key.Name, origin) };
            return environment is null ? this with { Every = settings } : this with { ByEnvironment = ByEnvironment.SetItem(environment, settings) };
        }
    }
}

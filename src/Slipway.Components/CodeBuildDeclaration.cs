using System.Reflection;
using Slipway.CiConfiguration.Buildspecs;
using Slipway.Parameters;
using Slipway.Text;
using Slipway.Versioning.GitFlow;

namespace Slipway.Components;

/// <summary>Reads a build's [CodeBuild] and [CodeBuildSecret] declarations and its parameters into a buildspec request.</summary>
internal static class CodeBuildDeclaration
{
    /// <summary>The runtime when neither the declaration nor global.json names one.</summary>
    public const string DefaultDotNetVersion = "10.0";

    /// <summary>NuGet's package folder on CodeBuild's images (the builds run as root).</summary>
    public static readonly IReadOnlyList<string> DefaultCachePaths = ["/root/.nuget/packages/**/*"];

    /// <summary>
    /// Shell case patterns of the git-flow branch kinds, as GitFlowBranch.Classify names them in lower case (a test checks each against it).
    /// Bugfix branches run the feature target.
    /// </summary>
    public static readonly IReadOnlyList<(BranchKind Kind, string Pattern)> BranchPatterns =
    [
        (BranchKind.Main, "main|master"),
        (BranchKind.Develop, "develop|dev|development"),
        (BranchKind.Feature, "feature/*|features/*|feature-*|features-*"),
        (BranchKind.Bugfix, "bugfix/*|bugfixes/*|bugfix-*|bugfixes-*"),
        (BranchKind.Release, "release/*|releases/*|release-*|releases-*"),
        (BranchKind.Hotfix, "hotfix/*|hotfixes/*|hotfix-*|hotfixes-*"),
    ];

    /// <summary>The request for the build's declaration; fails naming what to declare when the declaration is missing or wrong.</summary>
    public static BuildspecRequest ToRequest(ISlipwayBuild build, string regenerateCommand)
    {
        var type = build.GetType();
        var declaration = type.GetCustomAttribute<CodeBuildAttribute>(inherit: true)
            ?? throw new InvalidOperationException($"Build '{type.Name}' has no [CodeBuild] declaration. Add [CodeBuild(Target = \"Deploy\")] (with the target CodeBuild runs) to the build class.");
        var errors = new List<string>();
        var targets = TargetNames(type);
        var defaultTarget = declaration.Target;
        if (defaultTarget is null)
            errors.Add($"[CodeBuild] on '{type.Name}' names no Target. Set Target = \"...\" to the target CodeBuild runs (e.g. Target = \"Deploy\").");
        foreach (var (property, value) in TargetsOf(declaration).Prepend((nameof(CodeBuildAttribute.Target), defaultTarget)))
        {
            if (value is not null && !targets.Contains(value))
                errors.Add($"[CodeBuild] {property} '{value}' is not a target of '{type.Name}'.{DidYouMean(value, targets)} Name one of: {string.Join(", ", targets.Order(StringComparer.Ordinal))}.");
        }

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in declaration.Variables)
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                errors.Add($"[CodeBuild] variable '{entry}' is not NAME=value. Write it as NAME=value.");
            else if (!variables.TryAdd(entry[..equals], entry[(equals + 1)..]))
                errors.Add($"[CodeBuild] variable '{entry[..equals]}' is declared more than once. Declare it once.");
        }

        var secrets = Secrets(build, type, errors);
        if (errors.Count > 0)
            throw new InvalidOperationException(string.Join(Environment.NewLine, errors));

        return new BuildspecRequest
        {
            RegenerateCommand = regenerateCommand,
            DotNetVersion = declaration.DotNetVersion ?? GlobalJson.SdkMajorMinor(build.RootDirectory / "global.json") ?? DefaultDotNetVersion,
            DefaultTarget = defaultTarget!,
            BranchTargets = BranchPatterns
                .Select(x => (x.Pattern, Target: TargetOf(declaration, x.Kind)))
                .Where(x => x.Target is not null)
                .Select(x => new BranchTarget(x.Pattern, x.Target!))
                .ToList(),
            Shell = declaration.Shell,
            Variables = variables,
            Secrets = secrets,
            CachePaths = declaration.CachePaths ?? DefaultCachePaths,
        };
    }

    /// <summary>Every [Secret] parameter mapped to its store; an unmapped secret, or a mapping of no secret, is an error naming the attribute to write.</summary>
    private static List<BuildspecSecret> Secrets(ISlipwayBuild build, Type type, List<string> errors)
    {
        var parameters = build.ParameterDescriptors();
        var mappings = type.GetCustomAttributes<CodeBuildSecretAttribute>(inherit: true).ToList();
        var secrets = new List<BuildspecSecret>();
        foreach (var mapping in mappings)
        {
            var parameter = parameters.FirstOrDefault(x => Suggestions.Normalize(x.Name) == Suggestions.Normalize(mapping.Parameter));
            if (parameter is not { IsSecret: true })
            {
                var secretNames = parameters.Where(x => x.IsSecret).Select(x => x.Name).ToList();
                errors.Add(parameter is null
                    ? $"[CodeBuildSecret] names parameter '{mapping.Parameter}', which '{type.Name}' does not declare.{DidYouMean(mapping.Parameter, secretNames)} Name a [Secret] parameter."
                    : $"[CodeBuildSecret] names parameter '{mapping.Parameter}', which is not a [Secret]. Mark it [Secret], or pass it as a plain variable.");
                continue;
            }

            switch (mapping)
            {
                case { ParameterStore: { } path, SecretsManager: null }:
                    secrets.Add(new BuildspecSecret(parameter.EnvironmentName, SecretStore.ParameterStore, path));
                    break;
                case { ParameterStore: null, SecretsManager: { } reference }:
                    secrets.Add(new BuildspecSecret(parameter.EnvironmentName, SecretStore.SecretsManager, reference));
                    break;
                default:
                    errors.Add($"[CodeBuildSecret(\"{mapping.Parameter}\")] must set exactly one of ParameterStore and SecretsManager. Keep one.");
                    break;
            }
        }

        foreach (var parameter in parameters.Where(x => x.IsSecret))
        {
            if (!mappings.Any(x => Suggestions.Normalize(x.Parameter) == Suggestions.Normalize(parameter.Name)))
                errors.Add(
                    $"Secret parameter '{parameter.Name}' has no CodeBuild source, and a secret never goes into the buildspec's plain variables. " +
                    $"Add [CodeBuildSecret(\"{parameter.Name}\", ParameterStore = \"/path/to/parameter\")] (or SecretsManager = \"secret-id:json-key::\") to '{type.Name}'.");
        }

        return secrets;
    }

    private static string? TargetOf(CodeBuildAttribute declaration, BranchKind kind) => kind switch
    {
        BranchKind.Main => declaration.MainTarget,
        BranchKind.Develop => declaration.DevelopTarget,
        BranchKind.Feature or BranchKind.Bugfix => declaration.FeatureTarget,
        BranchKind.Release => declaration.ReleaseTarget,
        BranchKind.Hotfix => declaration.HotfixTarget,
        _ => null,
    };

    private static IEnumerable<(string Property, string? Value)> TargetsOf(CodeBuildAttribute declaration) =>
    [
        (nameof(CodeBuildAttribute.MainTarget), declaration.MainTarget),
        (nameof(CodeBuildAttribute.DevelopTarget), declaration.DevelopTarget),
        (nameof(CodeBuildAttribute.FeatureTarget), declaration.FeatureTarget),
        (nameof(CodeBuildAttribute.ReleaseTarget), declaration.ReleaseTarget),
        (nameof(CodeBuildAttribute.HotfixTarget), declaration.HotfixTarget),
    ];

    // Target properties of the build class and its components (an explicit implementation's name is "IPack.Pack").
    private static HashSet<string> TargetNames(Type type)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        return type.GetProperties(flags).Concat(type.GetInterfaces().SelectMany(x => x.GetProperties(flags)))
            .Where(x => x.PropertyType == typeof(Target))
            .Select(x => x.Name[(x.Name.LastIndexOf('.') + 1)..])
            .ToHashSet(StringComparer.Ordinal);
    }

    private static string DidYouMean(string value, IEnumerable<string> candidates) =>
        Suggestions.Closest(value, candidates) is { } closest ? $" Did you mean '{closest}'?" : "";
}

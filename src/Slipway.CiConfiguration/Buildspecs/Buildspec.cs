namespace Slipway.CiConfiguration.Buildspecs;

/// <summary>A CodeBuild buildspec (version 0.2): the parts Slipway writes, in the order the file lists them.</summary>
public sealed record Buildspec
{
    /// <summary>The buildspec version; CodeBuild's current format is 0.2.</summary>
    public string Version { get; init; } = "0.2";

    /// <summary>The <c>env</c> section.</summary>
    public BuildspecEnvironment Env { get; init; } = new();

    /// <summary>The <c>phases</c> section.</summary>
    public BuildspecPhases Phases { get; init; } = new();

    /// <summary>The <c>reports</c> section: one entry per report group.</summary>
    public IReadOnlyList<BuildspecReportGroup> Reports { get; init; } = [];

    /// <summary>The <c>artifacts</c> section, or null for none.</summary>
    public BuildspecArtifacts? Artifacts { get; init; }

    /// <summary>The <c>cache</c> section's paths (none: no cache section).</summary>
    public IReadOnlyList<string> CachePaths { get; init; } = [];
}

/// <summary>The <c>env</c> section: the shell, plain variables, secrets and the variables exported to CodePipeline.</summary>
public sealed record BuildspecEnvironment
{
    /// <summary><c>env.shell</c> (e.g. bash), or null for CodeBuild's default.</summary>
    public string? Shell { get; init; }

    /// <summary><c>env.variables</c>: plain values, visible in the console and the file, never secrets.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary><c>env.parameter-store</c>: variable name to SSM parameter name.</summary>
    public IReadOnlyDictionary<string, string> ParameterStore { get; init; } = new Dictionary<string, string>();

    /// <summary><c>env.secrets-manager</c>: variable name to <c>secret-id:json-key:version-stage:version-id</c>.</summary>
    public IReadOnlyDictionary<string, string> SecretsManager { get; init; } = new Dictionary<string, string>();

    /// <summary><c>env.exported-variables</c>: names whose values at the end of the build CodeBuild exports to CodePipeline.</summary>
    public IReadOnlyList<string> ExportedVariables { get; init; } = [];
}

/// <summary>The four phases; a null phase is left out of the file.</summary>
public sealed record BuildspecPhases
{
    /// <summary>The <c>install</c> phase (the only one with runtime-versions).</summary>
    public BuildspecPhase? Install { get; init; }

    /// <summary>The <c>pre_build</c> phase.</summary>
    public BuildspecPhase? PreBuild { get; init; }

    /// <summary>The <c>build</c> phase.</summary>
    public BuildspecPhase? Build { get; init; }

    /// <summary>The <c>post_build</c> phase.</summary>
    public BuildspecPhase? PostBuild { get; init; }

    /// <summary>The phases present, with their buildspec names, in the order CodeBuild runs them.</summary>
    public IEnumerable<(string Name, BuildspecPhase Phase)> Present() =>
        Names.Select(name => (name, Named(name)!)).Where(x => x.Item2 is not null);

    /// <summary>The phase names in the order CodeBuild runs them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["install", "pre_build", "build", "post_build"];

    /// <summary>The phase called <paramref name="name"/> (<c>install</c>, <c>pre_build</c>, <c>build</c>, <c>post_build</c>); null when not declared.</summary>
    public BuildspecPhase? Named(string name) => name switch
    {
        "install" => Install,
        "pre_build" => PreBuild,
        "build" => Build,
        "post_build" => PostBuild,
        _ => null,
    };
}

/// <summary>What a phase does when one of its commands fails.</summary>
public enum BuildspecOnFailure
{
    /// <summary><c>ABORT</c>: the build stops (CodeBuild's default).</summary>
    Abort,

    /// <summary><c>CONTINUE</c>: the next phase still runs.</summary>
    Continue,
}

/// <summary>One phase: runtime versions (install only), commands, the commands that always run after them, and the failure behaviour.</summary>
public sealed record BuildspecPhase
{
    /// <summary><c>runtime-versions</c>: runtime name to version (e.g. dotnet: 10.0).</summary>
    public IReadOnlyDictionary<string, string> RuntimeVersions { get; init; } = new Dictionary<string, string>();

    /// <summary>The phase's commands, run in order in one shell.</summary>
    public IReadOnlyList<string> Commands { get; init; } = [];

    /// <summary><c>finally</c>: commands that run after the commands, even when one failed.</summary>
    public IReadOnlyList<string> Finally { get; init; } = [];

    /// <summary><c>on-failure</c>, or null for CodeBuild's default (ABORT).</summary>
    public BuildspecOnFailure? OnFailure { get; init; }
}

/// <summary>A report group: test or coverage files CodeBuild reads after the build.</summary>
public sealed record BuildspecReportGroup(string Name)
{
    /// <summary>Globs of the report files.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The format, e.g. VISUALSTUDIOTRX (what <c>dotnet test --logger trx</c> writes).</summary>
    public string FileFormat { get; init; } = "JUNITXML";

    /// <summary>The folder the globs are relative to, or null for the source root.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Whether the files' folders are dropped; null leaves the key out.</summary>
    public bool? DiscardPaths { get; init; }
}

/// <summary>The build's output artifact: files CodePipeline's next actions read.</summary>
public sealed record BuildspecArtifacts
{
    /// <summary>Globs of the files.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The artifact's name, or null for CodeBuild's default.</summary>
    public string? Name { get; init; }

    /// <summary>The folder the globs are relative to, or null for the source root.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Whether files land at the artifact's root (imagedefinitions.json must be there for the ECS deploy action).</summary>
    public bool DiscardPaths { get; init; }
}

namespace Slipway.CiConfiguration.Rehearsals;

/// <summary>What the rehearsal reads of a buildspec (version 0.2): the environment, the four phases, reports and artifacts.</summary>
public sealed record Buildspec
{
    /// <summary>The phases in the order CodeBuild runs them.</summary>
    public static IReadOnlyList<string> PhaseNames { get; } = ["install", "pre_build", "build", "post_build"];

    /// <summary><c>env.variables</c>: plain variables.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary><c>env.parameter-store</c>: variable name to SSM parameter name.</summary>
    public IReadOnlyDictionary<string, string> ParameterStore { get; init; } = new Dictionary<string, string>();

    /// <summary><c>env.secrets-manager</c>: variable name to <c>secret-id:json-key:version-stage:version-id</c>.</summary>
    public IReadOnlyDictionary<string, string> SecretsManager { get; init; } = new Dictionary<string, string>();

    /// <summary><c>env.exported-variables</c>.</summary>
    public IReadOnlyList<string> ExportedVariables { get; init; } = [];

    /// <summary>The declared phases by name; a phase not declared runs nothing.</summary>
    public IReadOnlyDictionary<string, BuildspecPhase> Phases { get; init; } = new Dictionary<string, BuildspecPhase>();

    /// <summary><c>reports</c>: report group name to its files.</summary>
    public IReadOnlyDictionary<string, BuildspecFiles> Reports { get; init; } = new Dictionary<string, BuildspecFiles>();

    /// <summary><c>artifacts</c>; null when the buildspec has none.</summary>
    public BuildspecFiles? Artifacts { get; init; }
}

/// <summary>What a phase does when one of its commands fails.</summary>
public enum OnFailure
{
    /// <summary>The default: the build fails and later phases are skipped, except post_build after build (CodeBuild's phase transitions).</summary>
    Abort,

    /// <summary>The phase is failed but the build goes on to the next phase.</summary>
    Continue,
}

/// <summary>One phase: its commands, its <c>finally</c> commands, and <c>on-failure</c>.</summary>
public sealed record BuildspecPhase(IReadOnlyList<string> Commands, IReadOnlyList<string> Finally, OnFailure OnFailure);

/// <summary>The files of a report group or of the artifacts: globs relative to <see cref="BaseDirectory"/>.</summary>
public sealed record BuildspecFiles(IReadOnlyList<string> Files, string? BaseDirectory, bool DiscardPaths);

namespace Slipway.CiConfiguration.Buildspecs;

/// <summary>Where CodeBuild reads a secret from.</summary>
public enum SecretStore
{
    /// <summary>An SSM Parameter Store parameter (<c>env.parameter-store</c>).</summary>
    ParameterStore,

    /// <summary>A Secrets Manager secret (<c>env.secrets-manager</c>).</summary>
    SecretsManager,
}

/// <summary>A secret CodeBuild puts into the build's environment: the variable, the store, and the parameter name or secret reference.</summary>
public sealed record BuildspecSecret(string Name, SecretStore Store, string Reference);

/// <summary>The target a branch runs: <paramref name="Pattern"/> is a shell <c>case</c> pattern such as <c>feature/*|bugfix/*</c>.</summary>
public sealed record BranchTarget(string Pattern, string Target);

/// <summary>What a build declares about running on CodeBuild; <see cref="BuildspecGenerator"/> turns it into buildspec.yml.</summary>
public sealed record BuildspecRequest
{
    /// <summary>The command that regenerates the file, named in its banner (e.g. <c>./build.sh GenerateBuildspec</c>).</summary>
    public required string RegenerateCommand { get; init; }

    /// <summary>The .NET version for <c>install.runtime-versions</c> (major.minor, e.g. 10.0).</summary>
    public required string DotNetVersion { get; init; }

    /// <summary>The target a branch runs when no <see cref="BranchTargets"/> pattern matches it.</summary>
    public required string DefaultTarget { get; init; }

    /// <summary>Targets per branch pattern, first match wins; entries equal to the default are folded into it.</summary>
    public IReadOnlyList<BranchTarget> BranchTargets { get; init; } = [];

    /// <summary>The bootstrapper the build phase calls.</summary>
    public string BuildScript { get; init; } = "./build.sh";

    /// <summary>The script the engine writes at the end of every run, sourced so that CodeBuild exports its values.</summary>
    public string ExportedVariablesScript { get; init; } = "./.nuke/temp/exported-variables.sh";

    /// <summary><c>env.shell</c>, or null for CodeBuild's default.</summary>
    public string? Shell { get; init; }

    /// <summary>Plain variables (never secrets).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Secrets, each from Parameter Store or Secrets Manager.</summary>
    public IReadOnlyList<BuildspecSecret> Secrets { get; init; } = [];

    /// <summary>The names CodeBuild exports to CodePipeline.</summary>
    public IReadOnlyList<string> ExportedVariables { get; init; } = [];

    /// <summary>The artifact's files (globs relative to the source root).</summary>
    public IReadOnlyList<string> ArtifactFiles { get; init; } = [];

    /// <summary>Whether the artifact's files lose their folders (the ECS deploy action reads imagedefinitions.json at the root).</summary>
    public bool DiscardArtifactPaths { get; init; } = true;

    /// <summary>Report groups (test results).</summary>
    public IReadOnlyList<BuildspecReportGroup> Reports { get; init; } = [];

    /// <summary>Cache paths (NuGet's package folder by default in the declaration).</summary>
    public IReadOnlyList<string> CachePaths { get; init; } = [];
}

/// <summary>A generated buildspec: the model and its text.</summary>
public sealed record GeneratedBuildspec(Buildspec Buildspec, string Text);

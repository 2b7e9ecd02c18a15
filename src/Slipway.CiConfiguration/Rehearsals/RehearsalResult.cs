namespace Slipway.CiConfiguration.Rehearsals;

/// <summary>A phase's outcome, as CodeBuild reports it.</summary>
public enum PhaseStatus
{
    /// <summary>Every command exited 0 (or the phase has none).</summary>
    Succeeded,

    /// <summary>A command failed.</summary>
    Failed,

    /// <summary>Not run: an earlier phase failed with on-failure ABORT.</summary>
    Skipped,
}

/// <summary>One command the shell ran and its exit code; <paramref name="Finally"/> when it came from the phase's <c>finally</c> block.</summary>
public sealed record CommandRun(string Command, int ExitCode, bool Finally);

/// <summary>A phase: its status and the commands that ran.</summary>
public sealed record PhaseResult(string Name, PhaseStatus Status, IReadOnlyList<CommandRun> Commands);

/// <summary>What a rehearsal produced.</summary>
public sealed record RehearsalResult
{
    /// <summary>Whether the build succeeded: every phase succeeded and the artifacts were uploaded (collected).</summary>
    public required bool Succeeded { get; init; }

    /// <summary>install, pre_build, build, post_build, in order.</summary>
    public required IReadOnlyList<PhaseResult> Phases { get; init; }

    /// <summary>The value of each of the buildspec's <c>exported-variables</c>; a name the shell did not have set is absent.</summary>
    public required IReadOnlyDictionary<string, string> ExportedVariables { get; init; }

    /// <summary>The variables the build started with (CodeBuild's, the buildspec's, the project's and the overrides), secrets masked.</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>The checkout CodeBuild built in (CODEBUILD_SRC_DIR).</summary>
    public required string SourceDirectory { get; init; }

    /// <summary>The collected artifacts, paths relative to the output's <c>artifacts/</c>.</summary>
    public required IReadOnlyList<string> Artifacts { get; init; }

    /// <summary>The collected report files by group, paths relative to the output's <c>reports/GROUP/</c>.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Reports { get; init; }

    /// <summary>Why the artifact upload failed (CodeBuild fails the build when no path matched); null when it did not.</summary>
    public string? ArtifactsError { get; init; }

    /// <summary>The build's log (commands, their output, phase lines), secrets masked.</summary>
    public required string Log { get; init; }

    /// <summary>The phase named <paramref name="name"/>.</summary>
    public PhaseResult Phase(string name) => Phases.Single(x => x.Name == name);
}

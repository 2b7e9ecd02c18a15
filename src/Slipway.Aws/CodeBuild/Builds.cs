namespace Slipway.Aws.CodeBuild;

/// <summary>StartBuild input.</summary>
public sealed record StartBuildRequest
{
    /// <summary>The CodeBuild project.</summary>
    public required string ProjectName { get; init; }
    /// <summary>Commit, branch, tag or pull request ("pr/12") to build.</summary>
    public string? SourceVersion { get; init; }
    /// <summary>Variables added to or overriding the project's.</summary>
    public IReadOnlyList<EnvironmentVariable>? EnvironmentVariablesOverride { get; init; }
    /// <summary>Inline buildspec YAML or a path in the source.</summary>
    public string? BuildspecOverride { get; init; }
    /// <summary>Clone depth; 0 is a full clone.</summary>
    public int? GitCloneDepthOverride { get; init; }
    /// <summary>Makes retried StartBuild calls start one build (valid 5 minutes).</summary>
    public string? IdempotencyToken { get; init; }
    /// <summary>Build timeout, 5–2160 minutes.</summary>
    public int? TimeoutInMinutesOverride { get; init; }
}

/// <summary>A build environment variable; Type is "PLAINTEXT", "PARAMETER_STORE" or "SECRETS_MANAGER".</summary>
public sealed record EnvironmentVariable(string Name, string Value, string Type = "PLAINTEXT");

/// <summary>StartBuild output.</summary>
public sealed record StartBuildResult
{
    /// <summary>The started build.</summary>
    public Build? Build { get; init; }
}

/// <summary>BatchGetBuilds input.</summary>
public sealed record BatchGetBuildsRequest
{
    /// <summary>Build ids ("project:uuid"), up to 100.</summary>
    public required IReadOnlyList<string> Ids { get; init; }
}

/// <summary>BatchGetBuilds output.</summary>
public sealed record BatchGetBuildsResult
{
    /// <summary>Builds found.</summary>
    public IReadOnlyList<Build> Builds { get; init; } = [];
    /// <summary>Ids with no build.</summary>
    public IReadOnlyList<string> BuildsNotFound { get; init; } = [];
}

/// <summary>A CodeBuild build.</summary>
public sealed record Build
{
    /// <summary>"project:uuid".</summary>
    public string? Id { get; init; }
    /// <summary>Build ARN.</summary>
    public string? Arn { get; init; }
    /// <summary>Counter per project.</summary>
    public long? BuildNumber { get; init; }
    /// <summary>One of <see cref="BuildStatus"/>.</summary>
    public string? BuildStatus { get; init; }
    /// <summary>Whether the build has finished.</summary>
    public bool BuildComplete { get; init; }
    /// <summary>E.g. "BUILD", "COMPLETED".</summary>
    public string? CurrentPhase { get; init; }
    /// <summary>Phases so far.</summary>
    public IReadOnlyList<BuildPhase> Phases { get; init; } = [];
    /// <summary>The version asked for.</summary>
    public string? SourceVersion { get; init; }
    /// <summary>The commit actually built.</summary>
    public string? ResolvedSourceVersion { get; init; }
    /// <summary>Who started it (user, role or pipeline).</summary>
    public string? Initiator { get; init; }
    /// <summary>The project.</summary>
    public string? ProjectName { get; init; }
    /// <summary>Start time.</summary>
    public DateTimeOffset? StartTime { get; init; }
    /// <summary>End time, once complete.</summary>
    public DateTimeOffset? EndTime { get; init; }
    /// <summary>Where the logs are.</summary>
    public LogsLocation? Logs { get; init; }
    /// <summary>Variables the buildspec exported.</summary>
    public IReadOnlyList<ExportedEnvironmentVariable> ExportedEnvironmentVariables { get; init; } = [];
}

/// <summary>Values of buildStatus.</summary>
public static class BuildStatus
{
    /// <summary>Finished successfully.</summary>
    public const string Succeeded = "SUCCEEDED";
    /// <summary>The build failed.</summary>
    public const string Failed = "FAILED";
    /// <summary>CodeBuild failed.</summary>
    public const string Fault = "FAULT";
    /// <summary>Ran out of time.</summary>
    public const string TimedOut = "TIMED_OUT";
    /// <summary>Still running.</summary>
    public const string InProgress = "IN_PROGRESS";
    /// <summary>Stopped by someone.</summary>
    public const string Stopped = "STOPPED";
}

/// <summary>One build phase.</summary>
public sealed record BuildPhase
{
    /// <summary>E.g. "DOWNLOAD_SOURCE", "BUILD".</summary>
    public string? PhaseType { get; init; }
    /// <summary>E.g. "SUCCEEDED", "FAILED".</summary>
    public string? PhaseStatus { get; init; }
    /// <summary>Start time.</summary>
    public DateTimeOffset? StartTime { get; init; }
    /// <summary>End time.</summary>
    public DateTimeOffset? EndTime { get; init; }
    /// <summary>Duration.</summary>
    public long? DurationInSeconds { get; init; }
    /// <summary>Status messages of the phase.</summary>
    public IReadOnlyList<PhaseContext> Contexts { get; init; } = [];
}

/// <summary>A phase's status code and message.</summary>
public sealed record PhaseContext
{
    /// <summary>E.g. "COMMAND_EXECUTION_ERROR".</summary>
    public string? StatusCode { get; init; }
    /// <summary>Details.</summary>
    public string? Message { get; init; }
}

/// <summary>CloudWatch Logs location of a build.</summary>
public sealed record LogsLocation
{
    /// <summary>Log group.</summary>
    public string? GroupName { get; init; }
    /// <summary>Log stream.</summary>
    public string? StreamName { get; init; }
    /// <summary>Console link.</summary>
    public string? DeepLink { get; init; }
}

/// <summary>A variable exported by the buildspec.</summary>
public sealed record ExportedEnvironmentVariable(string Name, string? Value);

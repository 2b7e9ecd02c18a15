namespace Slipway.CiConfiguration.Rehearsals;

/// <summary>How CodeBuild got the source.</summary>
public enum CodeBuildSourceKind
{
    /// <summary>A webhook build of a push: a depth-1 clone of the branch, detached at the commit, with the CODEBUILD_WEBHOOK_* variables.</summary>
    Webhook,

    /// <summary>A CodePipeline action with the source action's full-clone output: the whole history, detached, no webhook variables.</summary>
    PipelineFullClone,
}

/// <summary>One rehearsal: which repository, branch and commit, how CodeBuild got them, the variables it adds, and where outputs go.</summary>
/// <param name="SourceRepository">The repository CodeBuild would clone (a local path; cloned over file://).</param>
/// <param name="OutputDirectory">Where the checkout (<c>src/</c>), reports (<c>reports/GROUP/</c>) and artifacts (<c>artifacts/</c>) go; created.</param>
public sealed record RehearsalRequest(string SourceRepository, string OutputDirectory)
{
    /// <summary>How the source arrives.</summary>
    public CodeBuildSourceKind Kind { get; init; } = CodeBuildSourceKind.Webhook;

    /// <summary>The branch pushed; null for the branch checked out in <see cref="SourceRepository"/>.</summary>
    public string? Branch { get; init; }

    /// <summary>The commit to build; null for the branch's tip.</summary>
    public string? Commit { get; init; }

    /// <summary>The buildspec's path in the checkout (CodeBuild's default: buildspec.yml at the root).</summary>
    public string BuildspecPath { get; init; } = "buildspec.yml";

    /// <summary>The CodeBuild project's name (in CODEBUILD_BUILD_ID and the ARN).</summary>
    public string ProjectName { get; init; } = "slipway-rehearsal";

    /// <summary>The pipeline's name, for <c>CODEBUILD_INITIATOR=codepipeline/NAME</c> in the pipeline kind.</summary>
    public string PipelineName { get; init; } = "slipway-rehearsal-pipeline";

    /// <summary>Who started a webhook build (CODEBUILD_INITIATOR).</summary>
    public string Initiator { get; init; } = "GitHub-Hookshot/rehearsal";

    /// <summary>The region in AWS_REGION and AWS_DEFAULT_REGION.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The build image (CODEBUILD_BUILD_IMAGE).</summary>
    public string Image { get; init; } = "aws/codebuild/standard:7.0";

    /// <summary>The project's environment variables: between the buildspec's and <see cref="OverrideVariables"/> in precedence.</summary>
    public IReadOnlyDictionary<string, string> ProjectVariables { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// StartBuild's environment overrides, the strongest; in the pipeline kind, the CodeBuild action's environment variables
    /// (e.g. SLIPWAY_BRANCH, SLIPWAY_TARGET), which CodePipeline passes as overrides.
    /// </summary>
    public IReadOnlyDictionary<string, string> OverrideVariables { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// In the pipeline kind, the action variable carrying the source action's branch name (<c>#{SourceVariables.BranchName}</c>), set to
    /// the branch rehearsed: a full-clone checkout names no branch anywhere else. Null for none; an override of the same name wins.
    /// </summary>
    public string? BranchVariable { get; init; }

    /// <summary>
    /// Values for the buildspec's <c>parameter-store</c> and <c>secrets-manager</c> entries, looked up by the entry's reference (the
    /// parameter name, or <c>secret-id:json-key:...</c>) and then by its variable name; nothing calls AWS. Resolved values are masked.
    /// </summary>
    public IReadOnlyDictionary<string, string> SecretValues { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The build image's own environment (PATH, HOME, ...) the shell starts with; null for this process's environment without CI
    /// variables (CODEBUILD_*, SLIPWAY_*, CI, GITHUB_*), so the rehearsal is not taken for the CI that runs it.
    /// </summary>
    public IReadOnlyDictionary<string, string>? ImageEnvironment { get; init; }
}

using System.Globalization;

namespace Slipway.Hosts;

/// <summary>AWS CodeBuild: a typed view of the variables CodeBuild sets for a build (detected from <c>CODEBUILD_BUILD_ID</c>).</summary>
public sealed class CodeBuild(IReadOnlyDictionary<string, string?> environment) : Host(environment)
{
    /// <summary>Whether the environment is a CodeBuild build.</summary>
    public static bool IsRunningIn(IReadOnlyDictionary<string, string?> environment) =>
        environment.TryGetValue("CODEBUILD_BUILD_ID", out var id) && !string.IsNullOrEmpty(id);

    /// <inheritdoc />
    public override string Name => "CodeBuild";

    /// <inheritdoc />
    public override bool IsServerBuild => true;

    /// <inheritdoc />
    public override bool GroupsTargetLogs => true;

    /// <inheritdoc />
    public override IEnumerable<KeyValuePair<string, string>> RecordFields()
    {
        (string Key, string? Value)[] fields =
        [
            ("buildId", BuildId), ("buildArn", BuildArn), ("buildNumber", BuildNumber?.ToString(CultureInfo.InvariantCulture)), ("initiator", Initiator),
            ("sourceVersion", SourceVersion), ("resolvedSourceVersion", ResolvedSourceVersion), ("webhookHeadRef", WebhookHeadRef),
            ("region", Region), ("consoleUrl", ConsoleUrl),
        ];
        return fields.Where(x => x.Value is not null).Select(x => new KeyValuePair<string, string>(x.Key, x.Value!));
    }

    /// <summary>The build id, <c>project:uuid</c> (CODEBUILD_BUILD_ID).</summary>
    public string? BuildId => Variable("CODEBUILD_BUILD_ID");

    /// <summary>The CodeBuild project name: the part of the build id before the colon.</summary>
    public string? ProjectName => BuildId?.Split(':')[0];

    /// <summary>The build's ARN (CODEBUILD_BUILD_ARN).</summary>
    public string? BuildArn => Variable("CODEBUILD_BUILD_ARN");

    /// <summary>The project's build counter (CODEBUILD_BUILD_NUMBER).</summary>
    public long? BuildNumber => long.TryParse(Variable("CODEBUILD_BUILD_NUMBER"), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>The build image (CODEBUILD_BUILD_IMAGE).</summary>
    public string? BuildImage => Variable("CODEBUILD_BUILD_IMAGE");

    /// <summary>False once a phase has failed (CODEBUILD_BUILD_SUCCEEDING is 0).</summary>
    public bool BuildSucceeding => Variable("CODEBUILD_BUILD_SUCCEEDING") != "0";

    /// <summary>Who started the build: <c>codepipeline/NAME</c>, an IAM user, ... (CODEBUILD_INITIATOR).</summary>
    public string? Initiator => Variable("CODEBUILD_INITIATOR");

    /// <summary>The pipeline that started the build, when CodePipeline did.</summary>
    public string? PipelineName => Initiator is { } initiator && initiator.StartsWith("codepipeline/", StringComparison.Ordinal) ? initiator["codepipeline/".Length..] : null;

    /// <summary>The checked-out source folder (CODEBUILD_SRC_DIR).</summary>
    public string? SourceDirectory => Variable("CODEBUILD_SRC_DIR");

    /// <summary>The source repository's URL (CODEBUILD_SOURCE_REPO_URL).</summary>
    public string? SourceRepositoryUrl => Variable("CODEBUILD_SOURCE_REPO_URL");

    /// <summary>What was asked to build: a commit, branch, tag, <c>pr/N</c>, or an S3 ARN under CodePipeline (CODEBUILD_SOURCE_VERSION).</summary>
    public string? SourceVersion => Variable("CODEBUILD_SOURCE_VERSION");

    /// <summary>The commit being built, when CodeBuild knows it (CODEBUILD_RESOLVED_SOURCE_VERSION).</summary>
    public string? ResolvedSourceVersion => Variable("CODEBUILD_RESOLVED_SOURCE_VERSION");

    /// <summary>The webhook's head ref, e.g. <c>refs/heads/feature/x</c> (CODEBUILD_WEBHOOK_HEAD_REF).</summary>
    public string? WebhookHeadRef => Variable("CODEBUILD_WEBHOOK_HEAD_REF");

    /// <summary>The webhook's base ref of a pull request (CODEBUILD_WEBHOOK_BASE_REF).</summary>
    public string? WebhookBaseRef => Variable("CODEBUILD_WEBHOOK_BASE_REF");

    /// <summary>The webhook event, e.g. PUSH or PULL_REQUEST_CREATED (CODEBUILD_WEBHOOK_EVENT).</summary>
    public string? WebhookEvent => Variable("CODEBUILD_WEBHOOK_EVENT");

    /// <summary>What triggered the webhook build: <c>branch/B</c>, <c>tag/T</c> or <c>pr/N</c> (CODEBUILD_WEBHOOK_TRIGGER).</summary>
    public string? WebhookTrigger => Variable("CODEBUILD_WEBHOOK_TRIGGER");

    /// <summary>The commit before the pushed ones (CODEBUILD_WEBHOOK_PREV_COMMIT).</summary>
    public string? WebhookPreviousCommit => Variable("CODEBUILD_WEBHOOK_PREV_COMMIT");

    /// <summary>The account id of the user who triggered the webhook (CODEBUILD_WEBHOOK_ACTOR_ACCOUNT_ID).</summary>
    public string? WebhookActorAccountId => Variable("CODEBUILD_WEBHOOK_ACTOR_ACCOUNT_ID");

    /// <summary>The branch of a webhook build: the head ref without <c>refs/heads/</c>, or null.</summary>
    public string? WebhookBranch => WebhookHeadRef is { } head && head.StartsWith("refs/heads/", StringComparison.Ordinal) ? head["refs/heads/".Length..] : null;

    /// <summary>The region the build runs in (AWS_REGION, else AWS_DEFAULT_REGION).</summary>
    public string? Region => Variable("AWS_REGION") ?? Variable("AWS_DEFAULT_REGION");

    /// <summary>The public build URL, when public builds are on (CODEBUILD_PUBLIC_BUILD_URL).</summary>
    public string? PublicBuildUrl => Variable("CODEBUILD_PUBLIC_BUILD_URL");

    /// <summary>The identifier of this build within a batch (CODEBUILD_BATCH_BUILD_IDENTIFIER).</summary>
    public string? BatchBuildIdentifier => Variable("CODEBUILD_BATCH_BUILD_IDENTIFIER");

    /// <summary>When the build started (CODEBUILD_START_TIME, epoch milliseconds).</summary>
    public DateTimeOffset? StartTime => long.TryParse(Variable("CODEBUILD_START_TIME"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
        ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
        : null;

    /// <summary>The console URL of the build in the CodeBuild console, derived from region and ARN.</summary>
    public string? ConsoleUrl => Region is { } region && BuildId is { } id && ProjectName is { } project && BuildArn?.Split(':') is { Length: > 4 } arn
        ? $"https://{region}.console.aws.amazon.com/codesuite/codebuild/{arn[4]}/projects/{project}/build/{Uri.EscapeDataString(id)}"
        : null;
}

using System.Collections;
using System.Globalization;
using Slipway.CiConfiguration.Buildspecs;

namespace Slipway.CiConfiguration.Rehearsals;

/// <summary>
/// The variables a CodeBuild build starts with, following "Environment variables in build environments" in the CodeBuild user guide:
/// CodeBuild's own (CODEBUILD_*, AWS_REGION, AWS_DEFAULT_REGION), the webhook's for a webhook build only, then, weakest to strongest,
/// the buildspec's <c>env</c> (variables, parameter-store, secrets-manager), the project's variables and StartBuild's overrides
/// (the documented precedence: StartBuild override &gt; project &gt; buildspec).
/// </summary>
internal static class RehearsalEnvironment
{
    // Variables of the machine running the rehearsal that would make the build think it runs on a CI host, or choose its branch or target.
    private static readonly string[] HostPrefixes = ["CODEBUILD_", "SLIPWAY_", "GITHUB_", "GITLAB_", "TF_BUILD", "JENKINS_", "TEAMCITY_"];

    /// <summary>The whole environment of the build's shell, and the secret values in it (for masking).</summary>
    public static (Dictionary<string, string> Environment, Dictionary<string, string> Build, List<string> Secrets) Create(
        RehearsalRequest request, Buildspec buildspec, RehearsalCheckout checkout)
    {
        var id = Guid.NewGuid().ToString();
        var account = "000000000000";
        var build = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_REGION"] = request.Region,
            ["AWS_DEFAULT_REGION"] = request.Region,
            ["CODEBUILD_BUILD_ID"] = $"{request.ProjectName}:{id}",
            ["CODEBUILD_BUILD_ARN"] = $"arn:aws:codebuild:{request.Region}:{account}:build/{request.ProjectName}:{id}",
            ["CODEBUILD_BUILD_NUMBER"] = "1",
            ["CODEBUILD_BUILD_IMAGE"] = request.Image,
            ["CODEBUILD_BUILD_SUCCEEDING"] = "1",
            ["CODEBUILD_INITIATOR"] = request.Kind == CodeBuildSourceKind.PipelineFullClone ? $"codepipeline/{request.PipelineName}" : request.Initiator,
            ["CODEBUILD_SRC_DIR"] = checkout.Directory,
            ["CODEBUILD_SOURCE_REPO_URL"] = checkout.RepositoryUrl,
            ["CODEBUILD_RESOLVED_SOURCE_VERSION"] = checkout.Commit,
            ["CODEBUILD_START_TIME"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        };
        if (request.Kind == CodeBuildSourceKind.Webhook)
        {
            // A push webhook: the source version is the commit pushed.
            build["CODEBUILD_SOURCE_VERSION"] = checkout.Commit;
            build["CODEBUILD_WEBHOOK_HEAD_REF"] = $"refs/heads/{checkout.Branch}";
            build["CODEBUILD_WEBHOOK_EVENT"] = "PUSH";
            build["CODEBUILD_WEBHOOK_TRIGGER"] = $"branch/{checkout.Branch}";
            build["CODEBUILD_WEBHOOK_PREV_COMMIT"] = checkout.PreviousCommit ?? new string('0', 40);
        }
        else
        {
            // Under CodePipeline the source version is the input artifact in the pipeline's bucket, and no branch is named anywhere.
            build["CODEBUILD_SOURCE_VERSION"] = $"arn:aws:s3:::codepipeline-{request.Region}-{account}/{request.PipelineName}/SourceArti/{id[..7]}";
        }

        var secrets = new List<string>();
        foreach (var (name, value) in buildspec.Env.Variables)
            build[name] = value;
        foreach (var (name, reference) in buildspec.Env.ParameterStore)
            build[name] = Resolve(request, name, reference, "parameter-store", secrets);
        foreach (var (name, reference) in buildspec.Env.SecretsManager)
            build[name] = Resolve(request, name, reference, "secrets-manager", secrets);
        foreach (var (name, value) in request.ProjectVariables)
            build[name] = value;
        if (request.Kind == CodeBuildSourceKind.PipelineFullClone && request.BranchVariable is { Length: > 0 } branchVariable)
            build[branchVariable] = checkout.Branch;
        foreach (var (name, value) in request.OverrideVariables)
            build[name] = value;

        var environment = new Dictionary<string, string>(request.ImageEnvironment ?? ImageEnvironment(), StringComparer.Ordinal);
        foreach (var (name, value) in build)
            environment[name] = value;
        return (environment, build, secrets);
    }

    private static string Resolve(RehearsalRequest request, string name, string reference, string kind, List<string> secrets)
    {
        if (!request.SecretValues.TryGetValue(reference, out var value) && !request.SecretValues.TryGetValue(name, out value))
        {
            throw new BuildspecException(
                $"The buildspec's {kind} entry '{name}' ('{reference}') has no value: the rehearsal calls no AWS, so give it one (by '{reference}' or '{name}'), e.g. as the environment variable {name}.");
        }

        secrets.Add(value);
        return value;
    }

    private static Dictionary<string, string> ImageEnvironment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (name is "CI" || HostPrefixes.Any(x => name.StartsWith(x, StringComparison.Ordinal)))
                continue;
            environment[name] = (string?)entry.Value ?? "";
        }

        return environment;
    }
}

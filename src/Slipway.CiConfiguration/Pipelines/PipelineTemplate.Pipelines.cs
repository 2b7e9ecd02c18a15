using System.Text.Json;
using static Slipway.CiConfiguration.Pipelines.CloudFormationYaml;

namespace Slipway.CiConfiguration.Pipelines;

public static partial class PipelineTemplate
{
    private const string SourceArtifact = "Source";
    private const string PromotionArtifact = "Promotion";
    private const string SourceNamespace = "SourceVariables";

    /// <summary>One pipeline of the template: its logical id, name, the branches that start it (null: started by a promotion), and its kind.</summary>
    private sealed record PipelineShape(string LogicalId, string Name, string? Branches, string DefaultBranch, PipelineKinds Kind);

    private static IEnumerable<PipelineShape> Shapes(PipelineRequest request)
    {
        var service = request.Service;
        if (request.Pipelines.HasFlag(PipelineKinds.Feature))
        {
            if (request.Developers.Count == 0)
                yield return new PipelineShape("FeaturePipeline", $"{service}-feature", "feature/**", "develop", PipelineKinds.Feature);
            foreach (var developer in request.Developers)
                yield return new PipelineShape($"Feature{LogicalName(developer)}Pipeline", $"{service}-feature-{developer}", $"feature/{developer}/**", "develop", PipelineKinds.Feature);
        }

        if (request.Pipelines.HasFlag(PipelineKinds.Develop))
            yield return new PipelineShape("DevelopPipeline", $"{service}-develop", "develop", "develop", PipelineKinds.Develop);
        if (request.Pipelines.HasFlag(PipelineKinds.Release))
            yield return new PipelineShape("ReleasePipeline", $"{service}-release", "release/**", "develop", PipelineKinds.Release);
        if (request.Pipelines.HasFlag(PipelineKinds.Hotfix))
            yield return new PipelineShape("HotfixPipeline", $"{service}-hotfix", "hotfix/**", "main", PipelineKinds.Hotfix);
        if (request.Pipelines.HasFlag(PipelineKinds.Production))
            yield return new PipelineShape("ProductionPipeline", $"{service}-production", null, "", PipelineKinds.Production);
    }

    private static IEnumerable<string> PipelineNames(PipelineRequest request) => Shapes(request).Select(x => x.Name);

    private static IEnumerable<(string LogicalId, Dictionary<string, object?> Resource)> Pipelines(PipelineRequest request) =>
        Shapes(request).Select(shape => (shape.LogicalId, Pipeline(request, shape)));

    private static Dictionary<string, object?> Pipeline(PipelineRequest request, PipelineShape shape) => Map(
        ("Type", "AWS::CodePipeline::Pipeline"),
        ("Properties", Map(
            ("Name", shape.Name),
            ("PipelineType", "V2"),
            // An approval waits in release and hotfix runs, and production deploys one promotion after another: a newer run queues
            // instead of superseding. Feature and develop builds only need the newest commit.
            ("ExecutionMode", shape.Kind is PipelineKinds.Feature or PipelineKinds.Develop ? "SUPERSEDED" : "QUEUED"),
            ("RoleArn", GetAtt(PipelineRoleName, "Arn")),
            ("ArtifactStore", Map(
                ("Type", "S3"),
                ("Location", Ref(Bucket)),
                ("EncryptionKey", Map(("Id", Ref(ArtifactKeyArn)), ("Type", "KMS"))))),
            ("Triggers", shape.Branches is { } branches ? new List<object?>
            {
                Map(("ProviderType", "CodeStarSourceConnection"), ("GitConfiguration", Map(
                    ("SourceActionName", "Source"),
                    ("Push", new List<object?> { Map(("Branches", Map(("Includes", new List<object?> { branches })))) })))),
            } : null),
            ("Stages", shape.Kind switch
            {
                PipelineKinds.Feature or PipelineKinds.Develop => new List<object?>
                {
                    GitSourceStage(shape),
                    Stage("Build", BuildAction("BuildAndDeploy", Variables(("SLIPWAY_TARGET", "Deploy")))),
                },
                PipelineKinds.Release or PipelineKinds.Hotfix => new List<object?>
                {
                    GitSourceStage(shape),
                    Stage("Staging", BuildAction("BuildAndDeployToStaging", Variables(("SLIPWAY_TARGET", "Deploy")))),
                    Stage("Approval", ApprovalAction(request, shape)),
                    // PromoteRelease never asks on CI: the approval above is what --approve stands for. No CodePipeline variable names
                    // the approver, so the record names the pipeline execution, whose history (ListActionExecutions) holds who approved.
                    Stage("Promote", BuildAction("Promote", Variables(
                        ("SLIPWAY_TARGET", "PromoteRelease"),
                        ("SLIPWAY_APPROVE", "true"),
                        ("SLIPWAY_APPROVED_BY", $"manual approval of {shape.Name} execution #{{codepipeline.PipelineExecutionId}}")), PromotionArtifact)),
                    Stage("Publish", Action("PublishPromotion", "Deploy", "S3", Map(
                        ("BucketName", Ref(Bucket)),
                        ("Extract", "false"),
                        ("ObjectKey", PromotionKey),
                        ("KMSEncryptionKeyARN", Ref(ArtifactKeyArn))), inputs: [PromotionArtifact])),
                    // Last, after production was started: the tag and merges push to the repository, which needs a credential and a
                    // committer identity the team grants the build; without them only this stage fails, not the release.
                    Stage("Finish", BuildAction("TagAndMerge", Variables(("SLIPWAY_TARGET", "TagRelease")))),
                },
                _ => new List<object?>
                {
                    Stage("Source", Action("Promotion", "Source", "S3", Map(
                        ("S3Bucket", Ref(Bucket)),
                        ("S3ObjectKey", PromotionKey),
                        // EventBridge starts it (ProductionTriggerRule) when the object is written.
                        ("PollForSourceChanges", "false")), outputs: [PromotionArtifact])),
                    Stage("Deploy", Action("DeployToProduction", "Deploy", "ECS", Map(
                        ("ClusterName", request.Production.Cluster),
                        ("ServiceName", request.Production.Service),
                        ("FileName", "imagedefinitions.json")), inputs: [PromotionArtifact], roleArn: Ref(ProductionDeployRoleArn))),
                },
            }))));

    private static Dictionary<string, object?> GitSourceStage(PipelineShape shape) => Stage("Source", Action("Source", "Source", "CodeStarSourceConnection", Map(
        ("ConnectionArn", Ref(ConnectionArn)),
        ("FullRepositoryId", Ref(FullRepositoryId)),
        // The branch a manual start builds; a push runs on the pushed branch (the trigger's filter).
        ("BranchName", shape.DefaultBranch),
        // A git checkout with history (versions come from tags), not a zip without .git.
        ("OutputArtifactFormat", "CODEBUILD_CLONE_REF"),
        // The V2 trigger starts the pipeline; change detection would start it a second time.
        ("DetectChanges", "false")), outputs: [SourceArtifact], variablesNamespace: SourceNamespace));

    private static Dictionary<string, object?> BuildAction(string name, List<(string Name, string Value)> variables, string? output = null) =>
        Action(name, "Build", "CodeBuild", Map(
            ("ProjectName", Ref(Project)),
            ("PrimarySource", SourceArtifact),
            ("EnvironmentVariables", JsonSerializer.Serialize(variables.Select(x => new Dictionary<string, string> { ["name"] = x.Name, ["value"] = x.Value, ["type"] = "PLAINTEXT" })))),
            inputs: [SourceArtifact], outputs: output is null ? [] : [output]);

    // Every build is told its branch: a full clone is on a detached HEAD and the versioning layer reads SLIPWAY_BRANCH.
    private static List<(string Name, string Value)> Variables(params (string Name, string Value)[] variables) =>
        [.. variables, ("SLIPWAY_BRANCH", $"#{{{SourceNamespace}.BranchName}}")];

    private static Dictionary<string, object?> ApprovalAction(PipelineRequest request, PipelineShape shape) =>
        Action("ApprovePromotion", "Approval", "Manual", Map(
            ("CustomData", $"Approve promoting the {shape.Kind.ToString().ToLowerInvariant()} candidate of {request.Service} (branch #{{{SourceNamespace}.BranchName}}, commit #{{{SourceNamespace}.CommitId}}), deployed to staging, to production: service {request.Production.Service} on cluster {request.Production.Cluster}, containers {string.Join(", ", request.Production.Containers)}."),
            ("NotificationArn", Map(("Fn::If", new List<object?> { HasApprovalTopic, Ref(ApprovalTopicArn), Ref("AWS::NoValue") })))));

    private static Dictionary<string, object?> Stage(string name, params Dictionary<string, object?>[] actions) =>
        Map(("Name", name), ("Actions", actions.Cast<object?>().ToList()));

    private static Dictionary<string, object?> Action(
        string name, string category, string provider, Dictionary<string, object?> configuration,
        string[]? inputs = null, string[]? outputs = null, string? variablesNamespace = null, object? roleArn = null) => Map(
        ("Name", name),
        ("ActionTypeId", Map(("Category", category), ("Owner", "AWS"), ("Provider", provider), ("Version", "1"))),
        ("Namespace", variablesNamespace),
        ("Configuration", configuration),
        ("InputArtifacts", inputs is { Length: > 0 } ? inputs.Select(x => (object?)Map(("Name", x))).ToList() : null),
        ("OutputArtifacts", outputs is { Length: > 0 } ? outputs.Select(x => (object?)Map(("Name", x))).ToList() : null),
        ("RoleArn", roleArn),
        ("RunOrder", 1));
}

using Slipway.CiConfiguration.Pipelines;
using static Slipway.CiConfiguration.Pipelines.CloudFormationYaml;
using static Slipway.CiConfiguration.Tests.Pipelines.PipelineTemplateTest;

namespace Slipway.CiConfiguration.Tests.Pipelines;

/// <summary>Each check on the generated template broken for it, and the generated template passing them all.</summary>
public class PipelineChecksTest
{
    [Fact]
    public void TestCheck_TheGeneratedTemplatePasses() => Assert.Empty(PipelineChecks.Check(Generated));

    [Fact]
    public void TestCheck_SourceStageFirstAndOnlyThere()
    {
        var problems = Broken(t => Swap(Stages(t, "DevelopPipeline"), 0, 1));
        Assert.Contains(problems, x => x is { Pipeline: "DevelopPipeline", Stage: "Build" } && x.Message.StartsWith("The first stage must hold the Source actions"));
        Assert.Contains(problems, x => x is { Pipeline: "DevelopPipeline", Stage: "Source", Action: "Source" } && x.Message.StartsWith("A Source action outside the first stage"));
    }

    [Fact]
    public void TestCheck_EcsDeployNeedsClusterAndService()
    {
        var problem = Assert.Single(Broken(t => Configuration(t, "ProductionPipeline", 1).Remove("ServiceName")));
        Assert.Equal(new PipelineProblem("ProductionPipeline", "Deploy", "DeployToProduction", "ECS action has no Configuration.ServiceName: add it."), problem);
    }

    [Fact]
    public void TestCheck_CodeBuildProjectMustExist()
    {
        var problem = Assert.Single(Broken(t => Configuration(t, "DevelopPipeline", 1)["ProjectName"] = Ref("NoSuchProject")));
        Assert.Equal(("DevelopPipeline", "Build", "BuildAndDeploy"), (problem.Pipeline, problem.Stage, problem.Action));
        Assert.Contains("ProjectName '{\"Ref\":\"NoSuchProject\"}' is no AWS::CodeBuild::Project of the template", problem.Message);
        // The project's Name instead of a Ref is the same project.
        Assert.Empty(Broken(t => Configuration(t, "DevelopPipeline", 1)["ProjectName"] = "orders-build"));
    }

    [Fact]
    public void TestCheck_CodeStarSourceNeedsConnectionRepositoryAndBranch()
    {
        var problem = Assert.Single(Broken(t => Configuration(t, "ReleasePipeline", 0).Remove("BranchName")));
        Assert.Equal(new PipelineProblem("ReleasePipeline", "Source", "Source", "CodeStarSourceConnection action has no Configuration.BranchName: add it."), problem);
    }

    [Fact]
    public void TestCheck_S3DeployWithoutExtractNeedsTheObjectKey()
    {
        var problem = Assert.Single(Broken(t => Configuration(t, "HotfixPipeline", 4).Remove("ObjectKey")));
        Assert.Equal(("HotfixPipeline", "Publish", "PublishPromotion"), (problem.Pipeline, problem.Stage, problem.Action));
        Assert.StartsWith("S3 deploy action with Extract false has no Configuration.ObjectKey", problem.Message);
    }

    [Fact]
    public void TestCheck_ManualApprovalHasNoArtifacts()
    {
        var problem = Assert.Single(Broken(t => Action(t, "ReleasePipeline", 2)["InputArtifacts"] = new List<object?> { Map(("Name", "Source")) }));
        Assert.Equal(new PipelineProblem("ReleasePipeline", "Approval", "ApprovePromotion",
            "A Manual approval action takes no input or output artifacts: remove its InputArtifacts and OutputArtifacts."), problem);
    }

    [Fact]
    public void TestCheck_InputArtifactsAreProducedEarlier()
    {
        var problem = Assert.Single(Broken(t => Action(t, "ProductionPipeline", 1)["InputArtifacts"] = new List<object?> { Map(("Name", "Imagined")) }));
        Assert.Equal(("ProductionPipeline", "Deploy", "DeployToProduction"), (problem.Pipeline, problem.Stage, problem.Action));
        Assert.StartsWith("Input artifact 'Imagined' is not produced by an earlier action", problem.Message);

        // Produced, but later: the promotion artifact used before the stage that makes it.
        var later = Broken(t => Action(t, "ReleasePipeline", 1)["InputArtifacts"] = new List<object?> { Map(("Name", "Promotion")) });
        Assert.Contains(later, x => x is { Pipeline: "ReleasePipeline", Stage: "Staging" } && x.Message.StartsWith("Input artifact 'Promotion'"));
    }

    [Fact]
    public void TestCheck_ApprovalBeforePromotion()
    {
        var problems = Broken(t => Stages(t, "HotfixPipeline").RemoveAt(2));
        Assert.Equal(2, problems.Count);
        Assert.Equal(("HotfixPipeline", "Promote", "Promote"), (problems[0].Pipeline, problems[0].Stage, problems[0].Action));
        Assert.StartsWith("The action runs PromoteRelease without a Manual approval action in an earlier stage", problems[0].Message);
        Assert.Equal(("HotfixPipeline", "Finish", "TagAndMerge"), (problems[1].Pipeline, problems[1].Stage, problems[1].Action));
        Assert.StartsWith("The action runs TagRelease without a Manual approval action in an earlier stage", problems[1].Message);
    }

    [Fact]
    public void TestCheck_ReferencedRolesExist()
    {
        var problems = Broken(t =>
        {
            Properties(t, "DevelopPipeline")["RoleArn"] = GetAtt("MissingRole", "Arn");
            Action(t, "ProductionPipeline", 1)["RoleArn"] = "arn:aws:iam::111111111111:role/typed-by-hand";
            Properties(t, "BuildProject")["ServiceRole"] = GetAtt("ArtifactBucket", "Arn");
        });
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, x => x is { Pipeline: "DevelopPipeline", Stage: null } && x.Message.StartsWith("RoleArn '{\"Fn::GetAtt\":[\"MissingRole\",\"Arn\"]}' refers to no role"));
        Assert.Contains(problems, x => x is { Pipeline: "ProductionPipeline", Stage: "Deploy", Action: "DeployToProduction" } && x.Message.StartsWith("RoleArn 'arn:aws:iam::111111111111:role/typed-by-hand' refers to no role"));
        Assert.Contains(problems, x => x.Pipeline is null && x.Message.StartsWith("CodeBuild project 'BuildProject' ServiceRole"));
    }

    [Fact]
    public void TestCheck_ExecutionModeExplicitAndQueuedWhereAnApprovalWaits()
    {
        var missing = Assert.Single(Broken(t => Properties(t, "DevelopPipeline").Remove("ExecutionMode")));
        Assert.Equal("DevelopPipeline", missing.Pipeline);
        Assert.StartsWith("ExecutionMode is not set", missing.Message);

        var superseded = Assert.Single(Broken(t => Properties(t, "ReleasePipeline")["ExecutionMode"] = "SUPERSEDED"));
        Assert.Equal(("ReleasePipeline", "Approval", "ApprovePromotion"), (superseded.Pipeline, superseded.Stage, superseded.Action));
        Assert.StartsWith("ExecutionMode is 'SUPERSEDED' but the pipeline waits for a manual approval", superseded.Message);
    }

    [Fact]
    public void TestCheck_CodeBuildProjectsArePrivileged()
    {
        var problem = Assert.Single(Broken(t => ((Dictionary<string, object?>)Properties(t, "BuildProject")["Environment"]!)["PrivilegedMode"] = false));
        Assert.StartsWith("CodeBuild project 'BuildProject' does not run in privileged mode", problem.Message);
    }

    [Fact]
    public void TestCheck_ReadsShortFormIntrinsicsOfHandWrittenTemplates()
    {
        const string template = """
            Resources:
              Role: { Type: AWS::IAM::Role, Properties: {} }
              Project: { Type: AWS::CodeBuild::Project, Properties: { ServiceRole: !GetAtt Role.Arn, Environment: { PrivilegedMode: true } } }
              Pipeline:
                Type: AWS::CodePipeline::Pipeline
                Properties:
                  ExecutionMode: QUEUED
                  RoleArn: !GetAtt Missing.Arn
                  Stages:
                    - Name: Source
                      Actions:
                        - Name: Git
                          ActionTypeId: { Category: Source, Owner: AWS, Provider: CodeStarSourceConnection, Version: "1" }
                          Configuration: { ConnectionArn: !Sub "arn:${AWS::Partition}:x", FullRepositoryId: a/b, BranchName: main }
                          OutputArtifacts: [{ Name: Src }]
                    - Name: Build
                      Actions:
                        - Name: Compile
                          ActionTypeId: { Category: Build, Owner: AWS, Provider: CodeBuild, Version: "1" }
                          Configuration: { ProjectName: !Ref Project }
                          InputArtifacts: [{ Name: Src }]
            """;
        var problem = Assert.Single(PipelineChecks.Check(template));
        Assert.Equal("Pipeline", problem.Pipeline);
        Assert.StartsWith("RoleArn '{\"Fn::GetAtt\":[\"Missing\",\"Arn\"]}' refers to no role", problem.Message);
    }

    [Fact]
    public void TestGenerate_FailsWithTheChecksProblems()
    {
        // Generate runs the checks: an unprivileged project (Docker builds impossible) is refused before anything is written.
        var exception = Assert.Throws<PipelineTemplateException>(() => PipelineTemplate.Generate(Request with { CodeBuild = new CodeBuildSettings(PrivilegedMode: false) }));
        Assert.Contains("does not run in privileged mode", exception.Message);
    }

    /// <summary>The generated template, changed by <paramref name="change"/>, written and checked again.</summary>
    private static IReadOnlyList<PipelineProblem> Broken(Action<Dictionary<string, object?>> change)
    {
        var template = Read(Generated);
        change(template);
        return PipelineChecks.Check(Write(template));
    }

    private static Dictionary<string, object?> Properties(Dictionary<string, object?> template, string id) =>
        (Dictionary<string, object?>)((Dictionary<string, object?>)((Dictionary<string, object?>)template["Resources"]!)[id]!)["Properties"]!;

    private static List<object?> Stages(Dictionary<string, object?> template, string pipeline) => (List<object?>)Properties(template, pipeline)["Stages"]!;

    private static Dictionary<string, object?> Action(Dictionary<string, object?> template, string pipeline, int stage) =>
        (Dictionary<string, object?>)((List<object?>)((Dictionary<string, object?>)Stages(template, pipeline)[stage]!)["Actions"]!)[0]!;

    private static Dictionary<string, object?> Configuration(Dictionary<string, object?> template, string pipeline, int stage) =>
        (Dictionary<string, object?>)Action(template, pipeline, stage)["Configuration"]!;

    private static void Swap(List<object?> list, int a, int b) => (list[a], list[b]) = (list[b], list[a]);
}

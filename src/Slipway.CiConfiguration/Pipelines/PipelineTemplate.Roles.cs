using static Slipway.CiConfiguration.Pipelines.CloudFormationYaml;

namespace Slipway.CiConfiguration.Pipelines;

public static partial class PipelineTemplate
{
    private const string PipelineRoleName = "PipelineRole";
    private const string BuildRoleName = "BuildRole";
    private const string TriggerRoleName = "ProductionTriggerRole";

    // Roles are named (<service>-pipeline, <service>-build) so the production account's deploy role can trust them by ARN.
    private static Dictionary<string, object?> PipelineRole(PipelineRequest request) => Role($"{request.Service}-pipeline", "codepipeline.amazonaws.com", "pipelines",
        Statement("Allow", ["codestar-connections:UseConnection"], [Ref(ConnectionArn)]),
        Statement("Allow", ["codebuild:StartBuild", "codebuild:BatchGetBuilds"], [GetAtt(Project, "Arn")]),
        Statement("Allow", ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl"], [Sub($"${{{Bucket}.Arn}}/*")]),
        Statement("Allow", ["s3:GetBucketVersioning", "s3:GetBucketLocation", "s3:ListBucket"], [GetAtt(Bucket, "Arn")]),
        KeyStatement(),
        // The production ECS deploy action runs as the production account's role.
        Statement("Allow", ["sts:AssumeRole"], [Ref(ProductionDeployRoleArn)]),
        HasApproval(request)
            ? Map(("Fn::If", new List<object?> { HasApprovalTopic, Statement("Allow", ["sns:Publish"], [Ref(ApprovalTopicArn)]), Ref("AWS::NoValue") }))
            : null);

    private static Dictionary<string, object?> BuildRole(PipelineRequest request)
    {
        var repository = request.ImageRepository ?? request.Service;
        var project = ProjectName(request);
        return Role($"{request.Service}-build", "codebuild.amazonaws.com", "build",
            Statement("Allow", ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
                [Sub($"arn:${{AWS::Partition}}:logs:${{AWS::Region}}:${{AWS::AccountId}}:log-group:/aws/codebuild/{project}*")]),
            // The buildspec's reports (TRX test results).
            Statement("Allow", ["codebuild:CreateReportGroup", "codebuild:CreateReport", "codebuild:UpdateReport", "codebuild:BatchPutTestCases", "codebuild:BatchPutCodeCoverages"],
                [Sub($"arn:${{AWS::Partition}}:codebuild:${{AWS::Region}}:${{AWS::AccountId}}:report-group/{project}-*")]),
            // The full clone (CODEBUILD_CLONE_REF) fetches through the connection from inside the build.
            Statement("Allow", ["codestar-connections:UseConnection"], [Ref(ConnectionArn)]),
            Statement("Allow", ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"], [Sub($"${{{Bucket}.Arn}}/*")]),
            Statement("Allow", ["s3:GetBucketAcl", "s3:GetBucketLocation"], [GetAtt(Bucket, "Arn")]),
            KeyStatement(),
            Statement("Allow", ["ecr:GetAuthorizationToken"], ["*"]),
            Statement("Allow", [
                    "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload", "ecr:DescribeImages", "ecr:DescribeRepositories",
                    "ecr:GetDownloadUrlForLayer", "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart",
                ],
                [Sub($"arn:${{AWS::Partition}}:ecr:${{AWS::Region}}:${{AWS::AccountId}}:repository/{repository}")]),
            // Deploy registers task definitions (no resource-level permission) and updates the development and staging services.
            Statement("Allow", [
                    "ecs:CreateService", "ecs:DescribeClusters", "ecs:DescribeServices", "ecs:DescribeTaskDefinition", "ecs:DescribeTasks",
                    "ecs:ListTasks", "ecs:RegisterTaskDefinition", "ecs:UpdateService",
                ],
                ["*"]),
            Statement("Allow", ["iam:PassRole"], [Sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/*")],
                condition: Map(("StringEquals", Map(("iam:PassedToService", "ecs-tasks.amazonaws.com"))))),
            Statement("Allow", ["ssm:GetParameters"], [Sub($"arn:${{AWS::Partition}}:ssm:${{AWS::Region}}:${{AWS::AccountId}}:parameter/{request.Service}/*")]),
            Statement("Allow", ["secretsmanager:GetSecretValue"], [Sub($"arn:${{AWS::Partition}}:secretsmanager:${{AWS::Region}}:${{AWS::AccountId}}:secret:{request.Service}/*")]),
            // PromoteRelease copies the approved image into the production registry as the production account's role.
            Statement("Allow", ["sts:AssumeRole"], [Ref(ProductionDeployRoleArn)]));
    }

    private static Dictionary<string, object?> TriggerRole() => Map(
        ("Type", "AWS::IAM::Role"),
        ("Properties", Map(
            ("AssumeRolePolicyDocument", TrustPolicy("events.amazonaws.com")),
            ("Policies", new List<object?>
            {
                Map(("PolicyName", "start-production-pipeline"), ("PolicyDocument", PolicyDocument(
                    Statement("Allow", ["codepipeline:StartPipelineExecution"], [ProductionPipelineArn()])))),
            }))));

    private static Dictionary<string, object?> ProductionTriggerRule() => Map(
        ("Type", "AWS::Events::Rule"),
        ("Properties", Map(
            ("Description", "Starts the production pipeline when a release or hotfix pipeline publishes a promotion."),
            ("EventPattern", Map(
                ("source", new List<object?> { "aws.s3" }),
                ("detail-type", new List<object?> { "Object Created" }),
                ("detail", Map(
                    ("bucket", Map(("name", new List<object?> { Ref(Bucket) }))),
                    ("object", Map(("key", new List<object?> { PromotionKey }))))))),
            ("Targets", new List<object?>
            {
                Map(("Id", "production-pipeline"), ("Arn", ProductionPipelineArn()), ("RoleArn", GetAtt(TriggerRoleName, "Arn"))),
            }))));

    private static Dictionary<string, object?> ProductionPipelineArn() => Sub("arn:${AWS::Partition}:codepipeline:${AWS::Region}:${AWS::AccountId}:${ProductionPipeline}");

    private static Dictionary<string, object?> KeyStatement() =>
        Statement("Allow", ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"], [Ref(ArtifactKeyArn)]);

    private static Dictionary<string, object?> Role(string name, string service, string policyName, params Dictionary<string, object?>?[] statements) => Map(
        ("Type", "AWS::IAM::Role"),
        ("Properties", Map(
            ("RoleName", name),
            ("AssumeRolePolicyDocument", TrustPolicy(service)),
            ("Policies", new List<object?> { Map(("PolicyName", policyName), ("PolicyDocument", PolicyDocument(statements))) }))));

    private static Dictionary<string, object?> TrustPolicy(string service) =>
        PolicyDocument(Statement("Allow", ["sts:AssumeRole"], null, principal: Map(("Service", service))));

    private static Dictionary<string, object?> PolicyDocument(params Dictionary<string, object?>?[] statements) =>
        Map(("Version", new Quoted("2012-10-17")), ("Statement", statements.Where(x => x is not null).Cast<object?>().ToList()));

    private static Dictionary<string, object?> Statement(
        string effect, string[] actions, object[]? resources, object? principal = null, Dictionary<string, object?>? condition = null, string? sid = null) => Map(
        ("Sid", sid),
        ("Effect", effect),
        ("Principal", principal),
        ("Action", actions.Cast<object?>().ToList()),
        ("Resource", resources?.Cast<object?>().ToList()),
        ("Condition", condition));
}

using static Slipway.CiConfiguration.Pipelines.CloudFormationYaml;

namespace Slipway.CiConfiguration.Pipelines;

public static partial class PipelineTemplate
{
    private const string ConnectionArn = "ConnectionArn";
    private const string FullRepositoryId = "FullRepositoryId";
    private const string ArtifactKeyArn = "ArtifactKeyArn";
    private const string ProductionAccountId = "ProductionAccountId";
    private const string ProductionDeployRoleArn = "ProductionDeployRoleArn";
    private const string ApprovalTopicArn = "ApprovalTopicArn";
    private const string HasApprovalTopic = "HasApprovalTopic";

    // What only the deployer knows: the template holds no account, key or connection of its own.
    private static Dictionary<string, object?> Parameters(PipelineRequest request) => Map(
        (ConnectionArn, Parameter("The CodeStar connection (GitHub, Bitbucket, GitLab) the source actions clone through.", pattern: "arn:aws[a-z-]*:(codestar-connections|codeconnections):.+")),
        (FullRepositoryId, Parameter("The repository, owner/name.", pattern: "[^/]+/[^/]+")),
        (ArtifactKeyArn, Parameter("The customer-managed KMS key (ARN) that encrypts the artifacts; its key policy lets the production account decrypt.", pattern: "arn:aws[a-z-]*:kms:.+")),
        (ProductionAccountId, Parameter("The production account's id.", pattern: "[0-9]{12}")),
        (ProductionDeployRoleArn, Parameter("The role in the production account that promotes images and deploys the ECS service; it trusts this account's pipeline and build roles.", pattern: "arn:aws[a-z-]*:iam::[0-9]{12}:role/.+")),
        (ApprovalTopicArn, HasApproval(request) ? Parameter("The SNS topic approvers are notified on; empty for none.", defaultValue: "") : null));

    private static Dictionary<string, object?> Parameter(string description, string? pattern = null, string? defaultValue = null) => Map(
        ("Type", "String"),
        ("Description", description),
        ("AllowedPattern", pattern is null ? null : $"^{pattern}$"),
        ("Default", defaultValue));
}

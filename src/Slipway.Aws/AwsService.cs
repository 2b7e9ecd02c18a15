namespace Slipway.Aws;

/// <summary>The wire identity of an AWS JSON 1.1 service: endpoint prefix, X-Amz-Target prefix and SigV4 signing name.</summary>
/// <param name="Name">Display name used in messages, e.g. "ECR".</param>
/// <param name="EndpointPrefix">First labels of the regional host name, e.g. "api.ecr" in api.ecr.eu-west-1.amazonaws.com.</param>
/// <param name="TargetPrefix">Prefix of the X-Amz-Target header, e.g. "AmazonEC2ContainerRegistry_V20150921".</param>
/// <param name="SigningName">Service name in the SigV4 credential scope, e.g. "ecr" (not the endpoint prefix).</param>
public sealed record AwsService(string Name, string EndpointPrefix, string TargetPrefix, string SigningName)
{
    /// <summary>Amazon Elastic Container Registry.</summary>
    public static AwsService Ecr { get; } = new("ECR", "api.ecr", "AmazonEC2ContainerRegistry_V20150921", "ecr");

    /// <summary>Amazon Elastic Container Service.</summary>
    public static AwsService Ecs { get; } = new("ECS", "ecs", "AmazonEC2ContainerServiceV20141113", "ecs");

    /// <summary>AWS CodeBuild.</summary>
    public static AwsService CodeBuild { get; } = new("CodeBuild", "codebuild", "CodeBuild_20161006", "codebuild");

    /// <summary>The X-Amz-Target header value for an operation.</summary>
    public string Target(string operation) => $"{TargetPrefix}.{operation}";
}

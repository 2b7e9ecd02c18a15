namespace Slipway.EcsDeploy.Deployments;

/// <summary>A deploy, wait or rollback that cannot start: a missing cluster or service, or a service ECS does not deploy (CODE_DEPLOY, EXTERNAL).</summary>
public sealed class EcsDeployException(string message, Exception? innerException = null) : Exception(message, innerException);

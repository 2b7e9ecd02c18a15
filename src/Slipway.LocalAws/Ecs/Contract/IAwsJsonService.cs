// PLACEHOLDER until branch 'local-ecs' merges with 'local-aws' (merged into main as d7a1057): an exact copy of Server/IAwsJsonService.cs there; delete this file when merging.
using System.Text.Json.Nodes;

namespace Slipway.LocalAws.Server;

/// <summary>A service spoken over AWS JSON 1.1: requests reach it by <c>X-Amz-Target: {TargetPrefix}.{Operation}</c>.</summary>
/// <remarks>Adding a service to the platform is one class implementing this, registered in <c>AwsServer</c>.</remarks>
internal interface IAwsJsonService
{
    /// <summary>The target prefix, such as <c>AmazonEC2ContainerRegistry_V20150921</c>.</summary>
    string TargetPrefix { get; }

    /// <summary>The SigV4 signing name the credential scope must carry, such as <c>ecr</c>.</summary>
    string SigningName { get; }

    /// <summary>Runs <paramref name="operation"/>; returns the output object (null for <c>{}</c>) or throws <see cref="AwsErrorException"/>.</summary>
    Task<JsonNode?> HandleAsync(string operation, JsonObject input, CallContext context, CancellationToken cancellationToken);
}

// PLACEHOLDER until branch 'local-ecs' merges with 'local-aws' (merged into main as d7a1057): an exact copy of Server/AwsErrorException.cs there; delete this file when merging.
namespace Slipway.LocalAws.Server;

/// <summary>An AWS error a service handler reports: the code clients match on, AWS's message and the HTTP status.</summary>
internal sealed class AwsErrorException(string code, string message, int statusCode = 400) : Exception(message)
{
    /// <summary>The error code, such as <c>RepositoryNotFoundException</c>.</summary>
    public string Code { get; } = code;

    /// <summary>The HTTP status code of the error response.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>Whether the caller is at fault (4xx, "Sender" in Query errors) rather than the service.</summary>
    public bool IsSenderFault => StatusCode < 500;
}

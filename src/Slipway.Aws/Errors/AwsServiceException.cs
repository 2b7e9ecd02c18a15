using System.Net;

namespace Slipway.Aws;

/// <summary>An error response as AWS sent it: code, message, status and request id, and the call it answered.</summary>
/// <param name="Code">Error code, e.g. "RepositoryNotFoundException" (the shape name, without namespace or URI).</param>
/// <param name="Message">The service's own message, or a description of the HTTP status when there was no body.</param>
/// <param name="StatusCode">HTTP status of the response.</param>
/// <param name="RequestId">The x-amzn-RequestId header, for AWS support.</param>
/// <param name="Service">Service display name, e.g. "ECR".</param>
/// <param name="Operation">Operation name, e.g. "DescribeRepositories".</param>
public sealed record AwsErrorResponse(string Code, string Message, int StatusCode, string? RequestId, string Service, string Operation);

/// <summary>AWS answered a call with an error; modeled codes surface as subclasses such as <see cref="RepositoryNotFoundException"/>.</summary>
public class AwsServiceException : AwsException
{
    /// <summary>Creates the exception from the parsed error response.</summary>
    public AwsServiceException(AwsErrorResponse error) : base(error.Message) => Error = error;

    /// <summary>The parsed error response.</summary>
    public AwsErrorResponse Error { get; }

    /// <summary>Error code, e.g. "ImageTagAlreadyExistsException".</summary>
    public string Code => Error.Code;

    /// <summary>The service's own message, without Slipway's context.</summary>
    public string ServiceMessage => Error.Message;

    /// <summary>The x-amzn-RequestId header of the failed response.</summary>
    public string? RequestId => Error.RequestId;

    /// <summary>HTTP status of the failed response.</summary>
    public int StatusCode => Error.StatusCode;

    /// <summary>Service display name, e.g. "ECS".</summary>
    public string Service => Error.Service;

    /// <summary>Operation name, e.g. "UpdateService".</summary>
    public string Operation => Error.Operation;

    /// <summary>How many attempts were made before giving up (1 for errors that are never retried).</summary>
    public int Attempts { get; internal set; } = 1;

    /// <summary>Whether the error is throttling or a transient server fault.</summary>
    public bool IsRetryable => AwsRetryPolicy.IsRetryable(Code, StatusCode);

    /// <summary>"ECR DescribeRepositories failed: RepositoryNotFoundException: ... (HTTP 400, request id '...')".</summary>
    public override string Message
    {
        get
        {
            var attempts = Attempts > 1 ? $", after {Attempts} attempts" : "";
            var requestId = RequestId is null ? "no request id" : $"request id '{RequestId}'";
            return $"{Service} {Operation} failed: {Code}: {ServiceMessage} (HTTP {StatusCode}, {requestId}{attempts})";
        }
    }

    /// <summary>The code used when an error response carries no code: the status name, e.g. "ServiceUnavailable", or "Http509".</summary>
    public static string CodeForStatus(int statusCode) =>
        Enum.IsDefined(typeof(HttpStatusCode), statusCode) ? ((HttpStatusCode)statusCode).ToString() : $"Http{statusCode}";
}

using System.Net;

namespace Slipway.Containers.Registry;

/// <summary>A registry refused or failed an operation; carries the registry's error code when it sent one.</summary>
public class RegistryException(string message, HttpStatusCode? status = null, string? code = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The HTTP status, when the registry answered.</summary>
    public HttpStatusCode? Status { get; } = status;

    /// <summary>The registry's error code ("MANIFEST_UNKNOWN", "BLOB_UNKNOWN", "UNAUTHORIZED", ...), if any.</summary>
    public string? Code { get; } = code;
}

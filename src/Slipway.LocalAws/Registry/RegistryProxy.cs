using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Slipway.LocalAws.Ecr;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Registry;

/// <summary>
/// The registry address clients see: checks the ECR token, refuses repositories ECR does not have (as ECR does, with NAME_UNKNOWN),
/// writes manifests through the same rules as PutImage (so tag immutability holds for docker push too), and forwards everything else
/// to the registry process with the platform's own credentials.
/// </summary>
internal sealed partial class RegistryProxy(EcrRegistry ecr, TimeProvider clock)
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Expect", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host", "Authorization",
    };

    /// <summary>Answers one request to the registry port.</summary>
    public async Task HandleAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        if (!IsAuthorized(http.Request.Headers.Authorization.ToString()))
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"slipway-local-ecr\"";
            await ErrorAsync(http, 401, "UNAUTHORIZED", "authentication required", cancellationToken);
            return;
        }

        var path = http.Request.Path.Value ?? "/";
        var match = RepositoryPath().Match(path);
        if (match.Success)
        {
            var repository = match.Groups["name"].Value;
            if (ecr.Repositories.Find(repository) is null)
            {
                await ErrorAsync(http, 404, "NAME_UNKNOWN",
                    $"The repository with name '{repository}' does not exist in the registry with id '{ecr.AccountId}'", cancellationToken);
                return;
            }

            if (HttpMethods.IsDelete(http.Request.Method))
            {
                await ErrorAsync(http, 405, "UNSUPPORTED", "Deleting through the registry API is not supported; use the ECR API.", cancellationToken);
                return;
            }

            if (match.Groups["kind"].Value == "manifests" && HttpMethods.IsPut(http.Request.Method))
            {
                await PutManifestAsync(http, repository, match.Groups["reference"].Value, cancellationToken);
                return;
            }
        }

        await ForwardAsync(http, cancellationToken);
    }

    private bool IsAuthorized(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return false;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':');
        return colon > 0 && decoded[..colon] == RegistryToken.UserName
            && RegistryToken.IsValid(ecr.TokenKey, ecr.AccountId, decoded[(colon + 1)..], clock.GetUtcNow());
    }

    private async Task PutManifestAsync(HttpContext http, string repository, string reference, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, cancellationToken);
        if (body.Length > ManifestWriter.MaxManifestBytes)
        {
            await ErrorAsync(http, 400, "MANIFEST_INVALID", "manifest invalid: larger than 4 MiB", cancellationToken);
            return;
        }

        var isDigest = reference.StartsWith("sha256:", StringComparison.Ordinal);
        string digest;
        try
        {
            var pushed = await ManifestWriter.WriteAsync(ecr, repository, body.ToArray(), http.Request.ContentType?.Split(';')[0].Trim(),
                isDigest ? null : reference, isDigest ? reference : null, clock.GetUtcNow(), cancellationToken);
            digest = pushed.Digest;
        }
        catch (AwsErrorException error) when (error.Code == "ImageAlreadyExistsException")
        {
            // A docker push of what is already there succeeds, as it does against ECR.
            digest = RegistryClient.Digest(body.ToArray());
        }
        catch (AwsErrorException error)
        {
            var (status, code) = error.Code switch
            {
                "ImageTagAlreadyExistsException" => (400, "TAG_INVALID"),
                "LayersNotFoundException" or "ReferencedImagesNotFoundException" => (400, "MANIFEST_BLOB_UNKNOWN"),
                "ImageDigestDoesNotMatchException" => (400, "DIGEST_INVALID"),
                _ => (400, "MANIFEST_INVALID"),
            };
            await ErrorAsync(http, status, code, error.Message, cancellationToken);
            return;
        }

        http.Response.StatusCode = 201;
        http.Response.Headers.Location = $"/v2/{repository}/manifests/{digest}";
        http.Response.Headers["Docker-Content-Digest"] = digest;
        http.Response.Headers["Docker-Distribution-Api-Version"] = "registry/2.0";
        http.Response.ContentLength = 0;
    }

    private async Task ForwardAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var target = new Uri(ecr.Registry.BaseAddress, http.Request.Path.Value + http.Request.QueryString.Value);
        using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), target);
        if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
            request.Content = new StreamContent(http.Request.Body);
        foreach (var (name, values) in http.Request.Headers)
        {
            if (HopByHop.Contains(name))
                continue;
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
                request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
        }

        request.Headers.Authorization = ecr.Registry.Authorization;
        using var response = await ecr.Registry.SendAsync(request, cancellationToken);
        http.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(name))
                http.Response.Headers[name] = values.ToArray();
        }

        await response.Content.CopyToAsync(http.Response.Body, cancellationToken);
    }

    private static async Task ErrorAsync(HttpContext http, int status, string code, string message, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers["Docker-Distribution-Api-Version"] = "registry/2.0";
        var body = new JsonObject
        {
            ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message, ["detail"] = null }),
        };
        await http.Response.WriteAsync(body.ToJsonString(AwsJson.Options), cancellationToken);
    }

    // /v2/{name}/manifests/{reference}, /v2/{name}/blobs/{digest}, /v2/{name}/blobs/uploads/[{id}], /v2/{name}/tags/list
    [GeneratedRegex("^/v2/(?<name>.+)/(?:(?<kind>manifests)/(?<reference>[^/]+)|(?<kind>blobs)/(?:uploads/[^/]*|[^/]+)|(?<kind>tags)/list)$")]
    private static partial Regex RepositoryPath();
}

using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Slipway.LocalAws.Registry;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecr;

/// <summary>Push-side operations: GetAuthorizationToken, PutImage and BatchCheckLayerAvailability.</summary>
internal sealed partial class EcrService
{
    private Task<JsonNode?> GetAuthorizationToken(CallContext context)
    {
        var ecr = registries.TryGetValue(context.AccountId, out var registry)
            ? registry
            : throw new AwsErrorException("InvalidParameterException", $"Account '{context.AccountId}' has no registry on this platform.");
        var (userName, password, expiresAt) = ecr.IssueCredential(context.Now);
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}"));
        return Done(new JsonObject
        {
            ["authorizationData"] = new JsonArray(new JsonObject
            {
                ["authorizationToken"] = token,
                ["expiresAt"] = AwsJson.Timestamp(expiresAt),
                ["proxyEndpoint"] = ecr.ProxyEndpoint,
            }),
        });
    }

    private async Task<JsonNode?> PutImageAsync(JsonObject input, CallContext context, CancellationToken cancellationToken)
    {
        var ecr = Registry(input, context);
        var name = ecr.Repositories.Get(input.RequiredString("repositoryName")).Name;
        var manifest = Encoding.UTF8.GetBytes(input.RequiredString("imageManifest"));
        var tag = input.OptionalString("imageTag");
        var pushed = await ManifestWriter.WriteAsync(ecr, name, manifest, input.OptionalString("imageManifestMediaType"), tag,
            input.OptionalString("imageDigest"), context.Now, cancellationToken);
        return new JsonObject
        {
            ["image"] = new JsonObject
            {
                ["registryId"] = ecr.AccountId,
                ["repositoryName"] = name,
                ["imageId"] = ImageId(pushed.Digest, tag),
                ["imageManifest"] = input.RequiredString("imageManifest"),
                ["imageManifestMediaType"] = pushed.MediaType,
            },
        };
    }

    private async Task<JsonNode?> BatchCheckLayerAvailabilityAsync(JsonObject input, CallContext context, CancellationToken cancellationToken)
    {
        var ecr = Registry(input, context);
        var name = ecr.Repositories.Get(input.RequiredString("repositoryName")).Name;
        var layers = new JsonArray();
        var failures = new JsonArray();
        foreach (var digest in input.Strings("layerDigests") ?? [])
        {
            if (!BlobDigest().IsMatch(digest))
            {
                failures.Add(new JsonObject { ["layerDigest"] = digest, ["failureCode"] = "InvalidLayerDigest", ["failureReason"] = "Invalid layer digest" });
                continue;
            }

            var size = await ecr.Registry.BlobSizeAsync(name, digest, cancellationToken);
            if (size is null)
            {
                failures.Add(new JsonObject { ["layerDigest"] = digest, ["failureCode"] = "MissingLayerDigest", ["failureReason"] = "Could not find layer" });
                continue;
            }

            layers.Add(new JsonObject { ["layerDigest"] = digest, ["layerAvailability"] = "AVAILABLE", ["layerSize"] = size.Value });
        }

        return new JsonObject { ["layers"] = layers, ["failures"] = failures };
    }

    [GeneratedRegex("^sha256:[a-f0-9]{64}$")]
    private static partial Regex BlobDigest();
}

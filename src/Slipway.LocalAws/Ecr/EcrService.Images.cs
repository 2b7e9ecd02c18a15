using System.Text;
using System.Text.Json.Nodes;
using Slipway.LocalAws.Registry;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecr;

/// <summary>Image read operations: DescribeImages and BatchGetImage.</summary>
internal sealed partial class EcrService
{
    private async Task<JsonNode?> DescribeImagesAsync(JsonObject input, CallContext context, CancellationToken cancellationToken)
    {
        var ecr = Registry(input, context);
        var name = ecr.Repositories.Get(input.RequiredString("repositoryName")).Name;
        var images = await ImageCatalog.ListAsync(ecr, name, context.Now, cancellationToken);
        var imageIds = input.Objects("imageIds");
        if (imageIds.Count > 0)
        {
            if (input["maxResults"] is not null || input["nextToken"] is not null)
                throw new AwsErrorException("InvalidParameterException", "Invalid parameter: maxResults and nextToken cannot be used with imageIds.");
            var found = imageIds.Select(imageId => images.FirstOrDefault(image => Matches(image, imageId)) ?? throw ImageNotFound(ecr, name, imageId));
            return new JsonObject { ["imageDetails"] = Array(found.DistinctBy(image => image.Digest).Select(image => ImageDetail(ecr, name, image))) };
        }

        var tagStatus = (input["filter"] as JsonObject)?.OptionalString("tagStatus") ?? "ANY";
        var filtered = images.Where(image => tagStatus switch
        {
            "TAGGED" => image.Tags.Count > 0,
            "UNTAGGED" => image.Tags.Count == 0,
            _ => true,
        }).ToList();
        var (page, nextToken) = Pagination.Page(filtered, image => image.Digest, input.OptionalString("nextToken"), input.OptionalInt("maxResults"));
        var output = new JsonObject { ["imageDetails"] = Array(page.Select(image => ImageDetail(ecr, name, image))) };
        if (nextToken is not null)
            output["nextToken"] = nextToken;
        return output;
    }

    private async Task<JsonNode?> BatchGetImageAsync(JsonObject input, CallContext context, CancellationToken cancellationToken)
    {
        var ecr = Registry(input, context);
        var name = ecr.Repositories.Get(input.RequiredString("repositoryName")).Name;
        var imageIds = input.Objects("imageIds");
        if (imageIds.Count is < 1 or > 100)
            throw new AwsErrorException("InvalidParameterException", "Invalid parameter at 'imageIds' failed to satisfy constraint: 'Member must have length between 1 and 100'");
        var accepted = input.Strings("acceptedMediaTypes") ?? ManifestMediaTypes.All;

        var images = new JsonArray();
        var failures = new JsonArray();
        foreach (var imageId in imageIds)
        {
            var (digest, tag) = (imageId.OptionalString("imageDigest"), imageId.OptionalString("imageTag"));
            var stored = digest is null && tag is null ? null : await ecr.Registry.GetManifestAsync(name, tag ?? digest!, cancellationToken);
            var failure = (digest, tag, stored) switch
            {
                (null, null, _) => ("MissingDigestAndTag", "Invalid request parameters: both tag and digest cannot be null"),
                (_, _, null) => ("ImageNotFound", "Requested image not found"),
                ({ } wanted, { }, { } found) when found.Digest != wanted => ("ImageTagDoesNotMatchDigest", "Invalid request parameters: image tag digest mismatch"),
                (_, _, { } found) when !accepted.Contains(found.MediaType) =>
                    ("ImageNotFound", $"The image's manifest media type '{found.MediaType}' is not among acceptedMediaTypes"),
                _ => default((string Code, string Reason)?),
            };
            if (failure is var (code, reason))
            {
                failures.Add(new JsonObject { ["imageId"] = imageId.DeepClone(), ["failureCode"] = code, ["failureReason"] = reason });
                continue;
            }

            images.Add(new JsonObject
            {
                ["registryId"] = ecr.AccountId,
                ["repositoryName"] = name,
                ["imageId"] = ImageId(stored!.Digest, tag),
                // The manifest travels as the exact text that was pushed; clients re-use it byte for byte.
                ["imageManifest"] = Encoding.UTF8.GetString(stored.Bytes),
                ["imageManifestMediaType"] = stored.MediaType,
            });
        }

        return new JsonObject { ["images"] = images, ["failures"] = failures };
    }

    private static bool Matches(CatalogImage image, JsonObject imageId) =>
        (imageId.OptionalString("imageDigest"), imageId.OptionalString("imageTag")) switch
        {
            (null, null) => false,
            (var digest, var tag) => (digest is null || digest == image.Digest) && (tag is null || image.Tags.Contains(tag)),
        };

    private static AwsErrorException ImageNotFound(EcrRegistry ecr, string repository, JsonObject imageId) =>
        new("ImageNotFoundException",
            $"The image with imageId {{imageDigest:'{imageId.OptionalString("imageDigest") ?? "null"}', imageTag:'{imageId.OptionalString("imageTag") ?? "null"}'}} " +
            $"does not exist within the repository with name '{repository}' in the registry with id '{ecr.AccountId}'");

    private static JsonObject ImageDetail(EcrRegistry ecr, string repository, CatalogImage image)
    {
        var detail = new JsonObject
        {
            ["registryId"] = ecr.AccountId,
            ["repositoryName"] = repository,
            ["imageDigest"] = image.Digest,
            ["imageSizeInBytes"] = image.Record.Size,
            ["imagePushedAt"] = AwsJson.Timestamp(image.Record.PushedAt),
            ["imageManifestMediaType"] = image.Record.MediaType,
        };
        if (image.Tags.Count > 0)
            detail["imageTags"] = Array(image.Tags.Select(tag => (JsonNode)tag));
        if (image.Record.ArtifactMediaType is not null)
            detail["artifactMediaType"] = image.Record.ArtifactMediaType;
        return detail;
    }

    private static JsonObject ImageId(string digest, string? tag) =>
        tag is null ? new JsonObject { ["imageDigest"] = digest } : new JsonObject { ["imageDigest"] = digest, ["imageTag"] = tag };
}

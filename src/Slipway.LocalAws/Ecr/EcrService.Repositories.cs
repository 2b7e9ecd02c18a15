using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecr;

/// <summary>Repository operations: CreateRepository and DescribeRepositories.</summary>
internal sealed partial class EcrService
{
    private Task<JsonNode?> CreateRepository(JsonObject input, CallContext context)
    {
        var ecr = Registry(input, context);
        var name = input.RequiredString("repositoryName");
        if (name.Length is < 2 or > 256 || !RepositoryName().IsMatch(name))
        {
            throw new AwsErrorException("InvalidParameterException",
                $"Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '{RepositoryName()}' and have length between 2 and 256'");
        }

        var encryption = input["encryptionConfiguration"] as JsonObject;
        var repository = new RepositoryRecord
        {
            Name = name,
            CreatedAt = context.Now,
            ImageTagMutability = TagMutability.Validate(input.OptionalString("imageTagMutability")),
            MutabilityExclusions = input.Objects("imageTagMutabilityExclusionFilters").Select(filter => filter.RequiredString("filter")).ToList(),
            ScanOnPush = (input["imageScanningConfiguration"] as JsonObject)?.OptionalBool("scanOnPush") ?? false,
            EncryptionType = encryption?.OptionalString("encryptionType") ?? "AES256",
            KmsKey = encryption?.OptionalString("kmsKey"),
            Tags = input.Objects("tags").ToDictionary(tag => tag.RequiredString("Key"), tag => tag.OptionalString("Value") ?? ""),
        };
        ecr.Repositories.Add(repository);
        return Done(new JsonObject { ["repository"] = Repository(ecr, repository) });
    }

    private Task<JsonNode?> DescribeRepositories(JsonObject input, CallContext context)
    {
        var ecr = Registry(input, context);
        var names = input.Strings("repositoryNames");
        if (names is not null)
        {
            if (input["maxResults"] is not null || input["nextToken"] is not null)
                throw new AwsErrorException("InvalidParameterException", "Invalid parameter: maxResults and nextToken cannot be used with repositoryNames.");
            return Done(new JsonObject { ["repositories"] = Array(names.Select(name => Repository(ecr, ecr.Repositories.Get(name)))) });
        }

        var (page, nextToken) = Pagination.Page(ecr.Repositories.All(), repository => repository.Name,
            input.OptionalString("nextToken"), input.OptionalInt("maxResults"));
        var output = new JsonObject { ["repositories"] = Array(page.Select(repository => Repository(ecr, repository))) };
        if (nextToken is not null)
            output["nextToken"] = nextToken;
        return Done(output);
    }

    private static JsonObject Repository(EcrRegistry ecr, RepositoryRecord repository)
    {
        var shape = new JsonObject
        {
            ["repositoryArn"] = ecr.RepositoryArn(repository.Name),
            ["registryId"] = ecr.AccountId,
            ["repositoryName"] = repository.Name,
            ["repositoryUri"] = ecr.RepositoryUri(repository.Name),
            ["createdAt"] = AwsJson.Timestamp(repository.CreatedAt),
            ["imageTagMutability"] = repository.ImageTagMutability,
            ["imageScanningConfiguration"] = new JsonObject { ["scanOnPush"] = repository.ScanOnPush },
            ["encryptionConfiguration"] = repository.KmsKey is null
                ? new JsonObject { ["encryptionType"] = repository.EncryptionType }
                : new JsonObject { ["encryptionType"] = repository.EncryptionType, ["kmsKey"] = repository.KmsKey },
        };
        if (repository.MutabilityExclusions.Count > 0)
        {
            shape["imageTagMutabilityExclusionFilters"] = Array(repository.MutabilityExclusions.Select(filter =>
                (JsonNode)new JsonObject { ["filterType"] = "WILDCARD", ["filter"] = filter }));
        }

        return shape;
    }

    [GeneratedRegex("^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$")]
    private static partial Regex RepositoryName();
}

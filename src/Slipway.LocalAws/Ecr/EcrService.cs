using System.Text.Json.Nodes;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecr;

/// <summary>ECR over JSON 1.1, one registry per account; the operations are split by concern into partial files.</summary>
internal sealed partial class EcrService(IReadOnlyDictionary<string, EcrRegistry> registries) : IAwsJsonService
{
    /// <inheritdoc />
    public string TargetPrefix => "AmazonEC2ContainerRegistry_V20150921";

    /// <inheritdoc />
    public string SigningName => "ecr";

    /// <inheritdoc />
    public Task<JsonNode?> HandleAsync(string operation, JsonObject input, CallContext context, CancellationToken cancellationToken) => operation switch
    {
        "CreateRepository" => CreateRepository(input, context),
        "DescribeRepositories" => DescribeRepositories(input, context),
        "DescribeImages" => DescribeImagesAsync(input, context, cancellationToken),
        "BatchGetImage" => BatchGetImageAsync(input, context, cancellationToken),
        "PutImage" => PutImageAsync(input, context, cancellationToken),
        "BatchCheckLayerAvailability" => BatchCheckLayerAvailabilityAsync(input, context, cancellationToken),
        "GetAuthorizationToken" => GetAuthorizationToken(context),
        _ => throw new AwsErrorException("UnknownOperationException", $"Operation '{operation}' is not supported by this ECR endpoint."),
    };

    // Cross-account access would need repository policies, which the platform does not have: a registry is its own account's.
    private EcrRegistry Registry(JsonObject input, CallContext context)
    {
        var registryId = input.OptionalString("registryId") ?? context.AccountId;
        if (registryId != context.AccountId)
        {
            throw new AwsErrorException("AccessDeniedException",
                $"User: {context.Caller.Arn} is not authorized to access registry '{registryId}': this platform has no repository policies; assume a role in account {registryId} instead.");
        }

        return registries.TryGetValue(registryId, out var registry)
            ? registry
            : throw new AwsErrorException("InvalidParameterException", $"Invalid parameter at 'registryId': account '{registryId}' has no registry on this platform.");
    }

    private static Task<JsonNode?> Done(JsonNode output) => Task.FromResult<JsonNode?>(output);

    private static JsonArray Array(IEnumerable<JsonNode?> items) => new([.. items]);
}

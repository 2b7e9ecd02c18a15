using System.Text.Json.Serialization;
using Slipway.Aws.Json;

namespace Slipway.Aws.Ecr;

/// <summary>Source-generated JSON for ECR shapes: camelCase, nulls omitted, epoch-second timestamps.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(GetAuthorizationTokenRequest))]
[JsonSerializable(typeof(GetAuthorizationTokenResult))]
[JsonSerializable(typeof(DescribeRepositoriesRequest))]
[JsonSerializable(typeof(DescribeRepositoriesResult))]
[JsonSerializable(typeof(CreateRepositoryRequest))]
[JsonSerializable(typeof(CreateRepositoryResult))]
[JsonSerializable(typeof(BatchGetImageRequest))]
[JsonSerializable(typeof(BatchGetImageResult))]
[JsonSerializable(typeof(PutImageRequest))]
[JsonSerializable(typeof(PutImageResult))]
[JsonSerializable(typeof(DescribeImagesRequest))]
[JsonSerializable(typeof(DescribeImagesResult))]
[JsonSerializable(typeof(BatchCheckLayerAvailabilityRequest))]
[JsonSerializable(typeof(BatchCheckLayerAvailabilityResult))]
internal sealed partial class EcrJsonContext : JsonSerializerContext
{
    /// <summary>The shapes as the client reads them: lists and maps AWS leaves out or sends as null read as empty.</summary>
    /// <remarks>Created on first use: the generated <c>Default</c> is initialized in another part of this class, in no set order.</remarks>
    public static AwsJsonShapes Shapes => field ??= new(Default);
}

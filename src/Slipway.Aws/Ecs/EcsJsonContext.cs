using System.Text.Json.Serialization;
using Slipway.Aws.Json;

namespace Slipway.Aws.Ecs;

/// <summary>Source-generated JSON for ECS shapes: camelCase, nulls omitted, epoch-second timestamps.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(DescribeTaskDefinitionRequest))]
[JsonSerializable(typeof(ListTaskDefinitionsRequest))]
[JsonSerializable(typeof(ListTaskDefinitionsResult))]
[JsonSerializable(typeof(DeregisterTaskDefinitionRequest))]
[JsonSerializable(typeof(DescribeServicesRequest))]
[JsonSerializable(typeof(DescribeServicesResult))]
[JsonSerializable(typeof(UpdateServiceRequest))]
[JsonSerializable(typeof(UpdateServiceResult))]
[JsonSerializable(typeof(ListTasksRequest))]
[JsonSerializable(typeof(ListTasksResult))]
[JsonSerializable(typeof(DescribeTasksRequest))]
[JsonSerializable(typeof(DescribeTasksResult))]
internal sealed partial class EcsJsonContext : JsonSerializerContext
{
    /// <summary>The shapes as the client reads them: lists and maps AWS leaves out or sends as null read as empty.</summary>
    /// <remarks>Created on first use: the generated <c>Default</c> is initialized in another part of this class, in no set order.</remarks>
    public static AwsJsonShapes Shapes => field ??= new(Default);
}

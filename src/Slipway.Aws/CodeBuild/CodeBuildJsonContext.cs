using System.Text.Json.Serialization;
using Slipway.Aws.Json;

namespace Slipway.Aws.CodeBuild;

/// <summary>Source-generated JSON for CodeBuild shapes: camelCase, nulls omitted, epoch-second timestamps.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(StartBuildRequest))]
[JsonSerializable(typeof(StartBuildResult))]
[JsonSerializable(typeof(BatchGetBuildsRequest))]
[JsonSerializable(typeof(BatchGetBuildsResult))]
internal sealed partial class CodeBuildJsonContext : JsonSerializerContext
{
    /// <summary>The shapes as the client reads them: lists and maps AWS leaves out or sends as null read as empty.</summary>
    /// <remarks>Created on first use: the generated <c>Default</c> is initialized in another part of this class, in no set order.</remarks>
    public static AwsJsonShapes Shapes => field ??= new(Default);
}

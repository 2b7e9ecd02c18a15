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
internal sealed partial class CodeBuildJsonContext : JsonSerializerContext;

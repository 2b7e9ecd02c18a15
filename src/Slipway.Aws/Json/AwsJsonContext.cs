using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Slipway.Aws;

/// <summary>Source-generated serialization for raw JSON bodies.</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class AwsJsonContext : JsonSerializerContext;

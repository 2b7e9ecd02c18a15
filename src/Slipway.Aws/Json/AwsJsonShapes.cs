using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Slipway.Aws.Json;

/// <summary>
/// One service's source-generated shapes as its client reads and writes them: the context's contracts with AWS's reading
/// rules added (<see cref="NeverNullCollections"/>), so every shape of the context, nested ones included, follows them.
/// </summary>
/// <remarks>A context's own typed properties bypass these rules (its options are bound to it); clients go through <see cref="Of{T}"/>.</remarks>
internal sealed class AwsJsonShapes
{
    /// <summary>Wraps <paramref name="context"/>, keeping its naming, null handling and converters.</summary>
    public AwsJsonShapes(JsonSerializerContext context)
    {
        Options = new JsonSerializerOptions(context.Options) { TypeInfoResolver = context.WithAddedModifier(NeverNullCollections.Apply) };
        Options.MakeReadOnly();
    }

    /// <summary>The options every contract comes from.</summary>
    public JsonSerializerOptions Options { get; }

    /// <summary>The contract of <typeparamref name="T"/>, which must be one of the context's shapes.</summary>
    public JsonTypeInfo<T> Of<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}

using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Slipway.Aws.Json;

/// <summary>
/// A contract modifier: a list or map member declared non-nullable reads as empty when the JSON leaves it out or sends
/// null, as AWS leaves out members without a value (an untagged image has no <c>imageTags</c>).
/// </summary>
/// <remarks>
/// The <c>= []</c> initializers cannot do this: source generation builds a type with <c>init</c> properties through an
/// object initializer that assigns <c>default</c> to every member the JSON lacks. <c>JsonObjectCreationHandling.Populate</c>
/// does not apply to such members either, and <c>RespectNullableAnnotations</c> only turns an explicit null into an error.
/// So the empty value is set after the object is built, through the property's own <c>init</c> accessor
/// (<see cref="JsonPropertyInfo.Set"/> throws for <c>init</c> properties in source-generated contracts).
/// </remarks>
internal static class NeverNullCollections
{
    /// <summary>Adds the fill-in to <paramref name="typeInfo"/> when it is an object with non-nullable collection members.</summary>
    public static void Apply(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
            return;
        var members = typeInfo.Properties.Select(CollectionMember.For).OfType<CollectionMember>().ToArray();
        if (members.Length == 0)
            return;
        var next = typeInfo.OnDeserialized;
        typeInfo.OnDeserialized = value =>
        {
            foreach (var member in members)
                member.FillIfNull(value);
            next?.Invoke(value);
        };
    }

    /// <summary>One member whose declared type is a collection; nullable members keep null, which means "not sent".</summary>
    private sealed class CollectionMember(JsonPropertyInfo property, Func<object, object?> get, Action<object, object?> set)
    {
        private JsonTypeInfo? _contract;

        public static CollectionMember? For(JsonPropertyInfo property)
        {
            if (property.IsSetNullable || property.PropertyType == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
                return null;
            Action<object, object?>? set = property.AttributeProvider switch
            {
                PropertyInfo { SetMethod: not null } member => member.SetValue,
                FieldInfo { IsInitOnly: false } member => member.SetValue,
                _ => null,
            };
            return property.Get is { } get && set is not null ? new CollectionMember(property, get, set) : null;
        }

        public void FillIfNull(object owner)
        {
            if (get(owner) is not null)
                return;
            // Resolved on first use: the options are only complete once contract creation has finished.
            var contract = _contract ??= property.Options.GetTypeInfo(property.PropertyType);
            // Read through the member's own contract, so the empty value has the type a present "[]" or "{}" would have.
            if (contract.Kind == JsonTypeInfoKind.Enumerable)
                set(owner, JsonSerializer.Deserialize("[]"u8, contract));
            else if (contract.Kind == JsonTypeInfoKind.Dictionary)
                set(owner, JsonSerializer.Deserialize("{}"u8, contract));
        }
    }
}

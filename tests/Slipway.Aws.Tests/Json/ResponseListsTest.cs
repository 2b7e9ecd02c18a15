using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Slipway.Aws.CodeBuild;
using Slipway.Aws.Ecr;
using Slipway.Aws.Ecs;

namespace Slipway.Aws.Tests.Json;

/// <summary>
/// Every response shape of every service context, found by reflection so a shape added later is covered: whatever AWS
/// leaves out or sends as null, no list or map anywhere in the result is null.
/// </summary>
public sealed class ResponseListsTest
{
    private const int MaxDepth = 6;

    /// <summary>How the test document is built: members missing or null, with or without nested objects filled in.</summary>
    public enum Variant
    {
        /// <summary><c>{}</c>.</summary>
        Empty,
        /// <summary>Every object member present (recursively); every list and map member null.</summary>
        Nulls,
        /// <summary>Every object member present, every list of objects with one element (recursively); other lists missing.</summary>
        Nested,
        /// <summary>As <see cref="Nested"/>, with the other lists and maps null.</summary>
        NestedNulls,
    }

    private static readonly Dictionary<string, (Type Context, JsonSerializerOptions Options)> Services = new()
    {
        ["ECR"] = (typeof(EcrJsonContext), EcrJsonContext.Shapes.Options),
        ["ECS"] = (typeof(EcsJsonContext), EcsJsonContext.Shapes.Options),
        ["CodeBuild"] = (typeof(CodeBuildJsonContext), CodeBuildJsonContext.Shapes.Options),
    };

    public static TheoryData<string, string, Variant> ResponseShapes()
    {
        var data = new TheoryData<string, string, Variant>();
        foreach (var (service, (context, _)) in Services)
            foreach (var type in SerializableTypes(context).Where(IsResponse))
                foreach (var variant in Enum.GetValues<Variant>())
                    data.Add(service, type.Name, variant);
        return data;
    }

    [Theory]
    [MemberData(nameof(ResponseShapes))]
    public void TestDeserialize_NoListOrMapIsNull(string service, string shape, Variant variant)
    {
        var options = Services[service].Options;
        var type = SerializableTypes(Services[service].Context).Single(candidate => candidate.Name == shape);
        var typeInfo = options.GetTypeInfo(type);
        var json = Document(typeInfo, variant, 0).ToJsonString();

        var value = JsonSerializer.Deserialize(json, typeInfo);

        var nulls = NullCollections(typeInfo, value!, shape, 0).ToList();
        Assert.True(nulls.Count == 0, $"Read from {json}, these are null: {string.Join(", ", nulls)}.");
    }

    [Fact]
    public void TestDeserialize_NullableListStaysNull()
    {
        // A nullable list says "not sent" when null: DescribeImages without imageIds lists every image.
        var request = JsonSerializer.Deserialize("""{"repositoryName":"web"}""", EcrJsonContext.Shapes.Of<DescribeImagesRequest>())!;

        Assert.Null(request.ImageIds);
    }

    [Fact]
    public void TestContexts_EveryShapeIsARequestOrAResponse()
    {
        var shapes = Services.Values.SelectMany(service => SerializableTypes(service.Context)).ToList();

        Assert.All(shapes, shape => Assert.True(IsResponse(shape) || shape.Name.EndsWith("Request", StringComparison.Ordinal),
            $"'{shape.Name}' is neither a request nor a result: name it ...Request or ...Result so this test knows whether to check it."));
        Assert.All(Services, service => Assert.Contains(SerializableTypes(service.Value.Context), IsResponse));
    }

    private static bool IsResponse(Type shape) => shape.Name.EndsWith("Result", StringComparison.Ordinal);

    private static IEnumerable<Type> SerializableTypes(Type context) => context.GetCustomAttributesData()
        .Where(attribute => attribute.AttributeType == typeof(JsonSerializableAttribute))
        .Select(attribute => (Type)attribute.ConstructorArguments[0].Value!);

    private static JsonObject Document(JsonTypeInfo typeInfo, Variant variant, int depth)
    {
        var document = new JsonObject();
        if (variant == Variant.Empty || depth >= MaxDepth)
            return document;
        foreach (var property in typeInfo.Properties)
        {
            var member = typeInfo.Options.GetTypeInfo(property.PropertyType);
            var element = member.ElementType is { } elementType ? typeInfo.Options.GetTypeInfo(elementType) : null;
            var nested = variant is Variant.Nested or Variant.NestedNulls;
            switch (member.Kind)
            {
                case JsonTypeInfoKind.Object:
                    document[property.Name] = Document(member, variant, depth + 1);
                    break;
                case JsonTypeInfoKind.Enumerable when nested && element?.Kind == JsonTypeInfoKind.Object:
                    document[property.Name] = new JsonArray(Document(element, variant, depth + 1));
                    break;
                case JsonTypeInfoKind.Dictionary when nested && element?.Kind == JsonTypeInfoKind.Object:
                    document[property.Name] = new JsonObject { ["key"] = Document(element, variant, depth + 1) };
                    break;
                case JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary when variant != Variant.Nested:
                    document[property.Name] = null;
                    break;
            }
        }

        return document;
    }

    private static IEnumerable<string> NullCollections(JsonTypeInfo typeInfo, object value, string path, int depth)
    {
        if (depth > MaxDepth)
            yield break;
        foreach (var property in typeInfo.Properties)
        {
            var member = typeInfo.Options.GetTypeInfo(property.PropertyType);
            var memberValue = property.Get!(value);
            var memberPath = $"{path}.{property.Name}";
            if (member.Kind is JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary)
            {
                if (memberValue is null)
                {
                    yield return memberPath;
                    continue;
                }

                var element = typeInfo.Options.GetTypeInfo(member.ElementType!);
                var items = memberValue is IDictionary map ? map.Values : (IEnumerable)memberValue;
                var index = 0;
                foreach (var item in items)
                {
                    if (element.Kind == JsonTypeInfoKind.Object && item is not null)
                        foreach (var found in NullCollections(element, item, $"{memberPath}[{index}]", depth + 1))
                            yield return found;
                    index++;
                }
            }
            else if (member.Kind == JsonTypeInfoKind.Object && memberValue is not null)
            {
                foreach (var found in NullCollections(member, memberValue, memberPath, depth + 1))
                    yield return found;
            }
        }
    }
}

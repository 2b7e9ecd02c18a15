using System.Text.Json.Nodes;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecs.State;

/// <summary>An ECS resource tag; ECS spells its members <c>key</c> and <c>value</c>.</summary>
internal sealed record ResourceTag(string Key, string Value)
{
    /// <summary>The tags of request member <c>tags</c>; an <c>InvalidParameterException</c> for a tag without a key or more than 50 tags.</summary>
    public static List<ResourceTag> Read(JsonObject input)
    {
        var tags = (input.ReadObjects("tags") ?? []).Select(tag => new ResourceTag(
            tag.OptionalString("key") is { Length: > 0 } key ? key : throw new AwsErrorException("InvalidParameterException", "Tag keys must not be empty."),
            tag.OptionalString("value") ?? "")).ToList();
        return tags.Count <= 50 ? tags : throw new AwsErrorException("InvalidParameterException", "A resource can have at most 50 tags.");
    }

    /// <summary>The tags as ECS returns them.</summary>
    public static JsonArray ToJson(IEnumerable<ResourceTag> tags) =>
        EcsJson.Array(tags.Select(tag => (JsonNode)new JsonObject { ["key"] = tag.Key, ["value"] = tag.Value }));
}

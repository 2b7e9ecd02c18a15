using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecs;

/// <summary>ECS's list pagination: <c>maxResults</c> items per page and an opaque <c>nextToken</c> for the rest (here the position of the next item).</summary>
internal static class EcsPage
{
    /// <summary>The page of <paramref name="items"/> that <paramref name="nextToken"/> asks for, and the token of the page after it (null at the end).</summary>
    public static (IReadOnlyList<T> Items, string? NextToken) Of<T>(IReadOnlyList<T> items, string? nextToken, int? maxResults, int defaultSize)
    {
        var size = maxResults ?? defaultSize;
        if (size is < 1 or > 100)
            throw new AwsErrorException("InvalidParameterException", $"maxResults must be between 1 and 100 (got {size}).");
        var start = nextToken is null ? 0 : Decode(nextToken);
        var page = items.Skip(start).Take(size).ToList();
        return (page, start + size < items.Count ? Encode(start + size) : null);
    }

    /// <summary>The list output <c>{ "{member}": [page], "nextToken": ... }</c> for the page of <paramref name="items"/> that <paramref name="input"/>'s nextToken and maxResults ask for.</summary>
    public static JsonObject Output(string member, IReadOnlyList<string> items, JsonObject input, int defaultSize)
    {
        var (page, nextToken) = Of(items, input.OptionalString("nextToken"), input.ReadInt("maxResults"), defaultSize);
        var output = new JsonObject { [member] = EcsJson.Array(page) };
        if (nextToken is not null)
            output["nextToken"] = nextToken;
        return output;
    }

    private static string Encode(int position) => Convert.ToBase64String(Encoding.UTF8.GetBytes("ecs-page:" + position.ToString(CultureInfo.InvariantCulture)));

    private static int Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("ecs-page:", StringComparison.Ordinal) && int.TryParse(text["ecs-page:".Length..], CultureInfo.InvariantCulture, out var position) && position >= 0)
                return position;
        }
        catch (FormatException)
        {
            // Reported below.
        }

        throw new AwsErrorException("InvalidParameterException", "nextToken is not a token this endpoint issued.");
    }
}

using System.Text;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecr;

/// <summary>AWS-style pages over a sorted list: <c>nextToken</c> is opaque to clients and names the last item returned.</summary>
internal static class Pagination
{
    /// <summary>The page after <paramref name="nextToken"/> of at most <paramref name="maxResults"/> items, and the token for the page after it (null at the end).</summary>
    public static (IReadOnlyList<T> Page, string? NextToken) Page<T>(IReadOnlyList<T> items, Func<T, string> key, string? nextToken, int? maxResults, int defaultMax = 100)
    {
        var size = maxResults ?? defaultMax;
        if (size is < 1 or > 1000)
            throw new AwsErrorException("InvalidParameterException", "Invalid parameter at 'maxResults' failed to satisfy constraint: 'Member must have value between 1 and 1000'");
        var after = nextToken is null ? null : Decode(nextToken);
        var rest = after is null ? items : items.SkipWhile(item => string.CompareOrdinal(key(item), after) <= 0).ToList();
        var page = rest.Take(size).ToList();
        return (page, rest.Count > size ? Encode(key(page[^1])) : null);
    }

    private static string Encode(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes(key));

    private static string Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw new AwsErrorException("InvalidParameterException", "Invalid parameter at 'nextToken' failed to satisfy constraint: 'the token is not one this service issued'");
        }
    }
}

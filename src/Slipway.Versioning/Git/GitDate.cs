using System.Globalization;

namespace Slipway.Versioning.Git;

/// <summary>Reads git's raw date format, <c>1112911993 +0200</c>: unix seconds and the author's time zone.</summary>
internal static class GitDate
{
    private static readonly long MinSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>Parses <paramref name="text"/>; a zone .NET cannot represent (beyond ±14 hours) becomes UTC, and a date beyond year 9999 is clamped.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long seconds, out DateTimeOffset date)
    {
        date = default;
        var space = text.IndexOf(' ');
        var zone = space < 0 ? [] : text[(space + 1)..];
        if (!long.TryParse(space < 0 ? text : text[..space], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seconds))
            return false;

        var utc = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, MinSeconds, MaxSeconds));
        date = utc;
        if (zone.Length == 5 && zone[0] is '+' or '-' &&
            int.TryParse(zone[1..3], NumberStyles.None, CultureInfo.InvariantCulture, out var hours) &&
            int.TryParse(zone[3..5], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            var offset = new TimeSpan(hours, minutes, 0) * (zone[0] == '-' ? -1 : 1);
            if (offset.Duration() <= TimeSpan.FromHours(14))
            {
                try
                {
                    date = utc.ToOffset(offset);
                }
                catch (ArgumentOutOfRangeException)
                {
                    // The local time would fall outside year 1 to 9999; keep UTC.
                }
            }
        }

        return true;
    }
}

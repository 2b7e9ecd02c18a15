using System.Text.RegularExpressions;

namespace Slipway.Versioning.Git;

/// <summary>Turns a git remote into the web address an image's <c>org.opencontainers.image.source</c> label points to.</summary>
public static partial class SourceAddress
{
    /// <summary>The https address of <paramref name="remote"/> (https, ssh:// or scp-like git@host:path), without user, password or .git; null for local paths.</summary>
    public static Uri? FromRemote(string remote)
    {
        if (ScpLike().Match(remote) is { Success: true } scp)
            return Build(scp.Groups["host"].Value, scp.Groups["path"].Value);
        if (!Uri.TryCreate(remote, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http" or "ssh" or "git"))
            return null;
        // The user part may hold a token (https://x-access-token:...@github.com/...): it must never reach a label.
        return Build(uri.Host, uri.AbsolutePath);
    }

    static Uri Build(string host, string path)
    {
        var trimmed = path.Trim('/');
        if (trimmed.EndsWith(".git", StringComparison.Ordinal))
            trimmed = trimmed[..^4];
        return new Uri($"https://{host}/{trimmed}");
    }

    [GeneratedRegex(@"^(?:[^@/]+@)?(?<host>[^:/]+):(?<path>(?!/).+)$")]
    private static partial Regex ScpLike();
}

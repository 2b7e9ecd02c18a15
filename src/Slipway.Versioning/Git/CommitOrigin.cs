using System.Globalization;

namespace Slipway.Versioning.Git;

/// <summary>Where the checked-out commit comes from, as an image's labels record it: the origin remote and the commit's committer time.</summary>
/// <param name="OriginUrl">The <c>origin</c> remote's URL as configured (it may hold credentials); null without one.</param>
/// <param name="CommitTime">HEAD's committer time: the same for every build of the commit; null when git cannot read it.</param>
public sealed record CommitOrigin(string? OriginUrl, DateTimeOffset? CommitTime)
{
    /// <summary>The origin remote as an https address without credentials (<see cref="Git.SourceAddress.FromRemote"/>); null for none or a local path.</summary>
    public Uri? SourceAddress => OriginUrl is null ? null : Git.SourceAddress.FromRemote(OriginUrl);

    /// <summary>Reads the origin remote and HEAD's committer time of the work tree at <paramref name="path"/> (two git processes); what git cannot tell is null.</summary>
    public static async Task<CommitOrigin> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var remote = GitCli.RunAsync(path, ["config", "--get", "remote.origin.url"], cancellationToken, allowFailure: true);
        var time = GitCli.RunAsync(path, ["show", "-s", "--format=%cI", "HEAD"], cancellationToken, allowFailure: true);
        await Task.WhenAll(remote, time).ConfigureAwait(false);
        return new CommitOrigin(Text(await remote.ConfigureAwait(false)), ParseTime(Text(await time.ConfigureAwait(false))));
    }

    static string? Text(Tooling.ToolResult result) =>
        result.ExitCode == 0 && result.StandardOutput.Trim() is { Length: > 0 } text ? text : null;

    static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}

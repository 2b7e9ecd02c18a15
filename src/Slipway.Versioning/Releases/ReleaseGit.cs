using Slipway.Tooling;
using Slipway.Versioning.Git;

namespace Slipway.Versioning.Releases;

/// <summary>The git questions and commands a release finish runs in one repository, as thin calls on <see cref="GitCli"/>.</summary>
internal sealed class ReleaseGit(string directory, CancellationToken cancellationToken)
{
    /// <summary>The top folder of the work tree.</summary>
    public string Directory => directory;

    /// <summary>Runs git and returns its output, trimmed; a failure throws <see cref="GitException"/>.</summary>
    public async Task<string> RunAsync(params string[] arguments) =>
        (await GitCli.RunAsync(directory, arguments, cancellationToken).ConfigureAwait(false)).Text;

    /// <summary>Runs git and returns its output untrimmed; a failure throws <see cref="GitException"/>.</summary>
    public async Task<string> OutputAsync(params string[] arguments) =>
        (await GitCli.RunAsync(directory, arguments, cancellationToken).ConfigureAwait(false)).StandardOutput;

    /// <summary>Runs git, letting the caller judge the exit code.</summary>
    public Task<ToolResult> TryAsync(string[] arguments, string? standardInput = null) =>
        GitCli.RunAsync(directory, arguments, cancellationToken, standardInput, allowFailure: true);

    /// <summary>The commit <paramref name="revision"/> names, or null when it names none.</summary>
    public async Task<string?> CommitAsync(string revision)
    {
        var result = await TryAsync(["rev-parse", "-q", "--verify", "--end-of-options", revision + "^{commit}"]).ConfigureAwait(false);
        return result.ExitCode == 0 ? result.Text : null;
    }

    /// <summary>The object <paramref name="reference"/> points at without peeling (a tag object for an annotated tag), or null.</summary>
    public async Task<string?> ObjectAsync(string reference)
    {
        var result = await TryAsync(["rev-parse", "-q", "--verify", "--end-of-options", reference]).ConfigureAwait(false);
        return result.ExitCode == 0 ? result.Text : null;
    }

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="descendant"/> or one of its ancestors.</summary>
    public async Task<bool> IsAncestorAsync(string ancestor, string descendant)
    {
        var result = await TryAsync(["merge-base", "--is-ancestor", ancestor, descendant]).ConfigureAwait(false);
        return result.ExitCode switch
        {
            0 => true,
            1 => false,
            _ => throw GitCli.Failure(directory, result),
        };
    }

    /// <summary>The parents of <paramref name="commit"/>, first parent first.</summary>
    public async Task<IReadOnlyList<string>> ParentsAsync(string commit) =>
        (await RunAsync("rev-list", "--no-walk", "--parents", commit).ConfigureAwait(false))
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];

    /// <summary>How many commits <paramref name="local"/> has that <paramref name="remote"/> lacks, and the other way round.</summary>
    public async Task<(int Ahead, int Behind)> AheadBehindAsync(string local, string remote)
    {
        var counts = (await RunAsync("rev-list", "--left-right", "--count", $"{local}...{remote}").ConfigureAwait(false))
            .Split('\t', ' ');
        return (int.Parse(counts[0], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(counts[^1], System.Globalization.CultureInfo.InvariantCulture));
    }
}

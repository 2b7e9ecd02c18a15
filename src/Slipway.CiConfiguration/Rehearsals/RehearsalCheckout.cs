using Slipway.Tooling;

namespace Slipway.CiConfiguration.Rehearsals;

/// <summary>The source as CodeBuild checks it out: the repository's URL, the branch and commit built, and the folder holding it.</summary>
internal sealed record RehearsalCheckout(string RepositoryUrl, string Branch, string Commit, string? PreviousCommit, string Directory)
{
    /// <summary>
    /// Clones <paramref name="request"/>'s repository into <paramref name="directory"/> as the source kind does: a webhook build clones
    /// the branch with depth 1 (CodeBuild's default clone depth) and checks the commit out detached; CodePipeline's full-clone output
    /// is the whole history with <c>origin</c> set, also detached at the commit.
    /// </summary>
    public static async Task<RehearsalCheckout> CloneAsync(RehearsalRequest request, string directory, CancellationToken cancellationToken)
    {
        var source = Path.GetFullPath(request.SourceRepository);
        if (!System.IO.Directory.Exists(source))
            throw new BuildspecException($"The source repository '{source}' does not exist: give the folder of a git repository.");
        var branch = request.Branch ?? await GitAsync(source, cancellationToken, "symbolic-ref", "--short", "-q", "HEAD").ConfigureAwait(false);
        if (branch.Length == 0)
            throw new BuildspecException($"'{source}' is on a detached HEAD: name the branch to rehearse (a webhook push and a pipeline source both build a branch).");
        var commit = await GitAsync(source, cancellationToken, "rev-parse", "--verify", "--quiet", $"{request.Commit ?? "refs/heads/" + branch}^{{commit}}").ConfigureAwait(false);
        if (commit.Length == 0)
            throw new BuildspecException($"'{request.Commit ?? branch}' is not a commit or branch of '{source}': push the branch (or name one that exists) and rehearse again.");
        var previous = await GitAsync(source, cancellationToken, "rev-parse", "--verify", "--quiet", $"{commit}~1").ConfigureAwait(false);

        var url = new Uri(source).AbsoluteUri;
        var parent = Path.GetDirectoryName(directory)!;
        System.IO.Directory.CreateDirectory(parent);
        if (request.Kind == CodeBuildSourceKind.Webhook)
        {
            await GitAsync(parent, cancellationToken, "clone", "-q", "--depth", "1", "--branch", branch, url, directory).ConfigureAwait(false);
            // A push whose commit is no longer the tip: CodeBuild fetches that commit alone, still shallow.
            if (await GitAsync(directory, cancellationToken, "rev-parse", "HEAD").ConfigureAwait(false) != commit)
                await GitAsync(directory, cancellationToken, "fetch", "-q", "--depth", "1", "origin", commit).ConfigureAwait(false);
        }
        else
        {
            await GitAsync(parent, cancellationToken, "clone", "-q", "--no-checkout", url, directory).ConfigureAwait(false);
        }

        await GitAsync(directory, cancellationToken, "checkout", "-q", "--detach", commit).ConfigureAwait(false);
        return new RehearsalCheckout(url, branch, commit, previous.Length == 0 ? null : previous, directory);
    }

    // git's trimmed output; empty when a --quiet query finds nothing.
    private static async Task<string> GitAsync(string directory, CancellationToken cancellationToken, params string[] arguments)
    {
        var query = arguments.Contains("--quiet") || arguments.Contains("-q") && arguments[0] == "symbolic-ref";
        var result = await ToolRunner.RunAsync(
            new ToolInvocation("git", arguments) { WorkingDirectory = directory, CheckExitCode = !query, EchoCommand = false, StreamOutput = false }
                .SetEnvironment("GIT_TERMINAL_PROMPT", "0"),
            ToolOutput.None, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0 ? result.Text : "";
    }
}

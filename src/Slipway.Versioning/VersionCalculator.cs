using Slipway.Tooling;
using Slipway.Versioning.Calculation;
using Slipway.Versioning.Ci;
using Slipway.Versioning.Configuration;
using Slipway.Versioning.Git;
using Slipway.Versioning.GitFlow;

namespace Slipway.Versioning;

/// <summary>What to version: a folder in a git work tree, and optionally the branch (CI builds often check out a detached HEAD).</summary>
public sealed record VersionRequest(string Path)
{
    /// <summary>The branch name to use; wins over CI variables and the checkout.</summary>
    public string? Branch { get; init; }

    /// <summary>The environment, for CI branch variables (CodeBuild, GitHub Actions, ...).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Fetch full history and tags when the clone is shallow and a remote is configured.</summary>
    public bool FetchWhenShallow { get; init; } = true;

    /// <summary>Continue on a shallow clone that cannot be deepened (with a warning); the version may be wrong.</summary>
    public bool AllowShallow { get; init; }

    /// <summary>The image tag templates (default: the git-flow scheme).</summary>
    public ImageTagScheme ImageTags { get; init; } = new();
}

/// <summary>The version of a commit: GitVersion's variables, the git-flow branch, its image tags and environment.</summary>
public sealed record VersionResult(VersionVariables Variables, GitFlowBranch Branch, ImageTags ImageTags, string BranchSource, IReadOnlyList<string> Warnings)
{
    /// <summary>The FullSemVer.</summary>
    public string FullSemVer => Variables.FullSemVer;

    /// <summary>The configuration's <c>tag-prefix</c>, the regex version tags are read with (release tags: <see cref="Releases.ReleaseTagPrefix"/>).</summary>
    public string TagPrefix { get; init; } = "[vV]?";
}

/// <summary>No version can be computed; the message names the input and what to do.</summary>
public sealed class VersioningException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Computes GitVersion 6 (GitFlow) versions and git-flow image tags from the git CLI.</summary>
public static class VersionCalculator
{
    /// <summary>Computes the version of HEAD of the repository at <see cref="VersionRequest.Path"/>.</summary>
    public static async Task<VersionResult> CalculateAsync(VersionRequest request, CancellationToken cancellationToken = default)
    {
        var warnings = new List<string>();
        var repository = await Open(request.Path, cancellationToken);
        if (repository.Head is not { } head)
            throw new VersioningException($"The repository at '{repository.WorkingDirectory}' has no commits yet. Commit something first; a version needs a commit.");
        if (repository.IsShallow)
            repository = await Deepen(repository, request, warnings, cancellationToken);
        head = repository.Head!;

        GitVersionConfiguration configuration;
        try
        {
            configuration = ConfigurationLoader.Load(Path.GetFullPath(request.Path), repository.WorkingDirectory);
        }
        catch (ConfigurationException exception)
        {
            throw new VersioningException(exception.Message, exception);
        }

        var (branch, branchSource) = ResolveBranch(repository, head, request, configuration);

        warnings.AddRange(configuration.Warnings);
        var context = new VersionContext(repository, configuration, branch, head);
        var computed = NextVersionCalculator.Calculate(context);
        var variables = VariablesBuilder.Build(context, computed, repository.UncommittedChanges);
        var gitFlowBranch = GitFlowBranch.Classify(branch);
        var merged = head.IsMerge && MergeMessageStrategy.MergedBranch(context, head.Message) is { } name ? GitFlowBranch.Classify(name) : null;
        return new VersionResult(variables, gitFlowBranch, request.ImageTags.Render(gitFlowBranch, variables.Values, merged), branchSource, warnings)
        {
            TagPrefix = configuration.TagPrefix,
        };
    }

    private static async Task<GitRepository> Open(string path, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(path))
            throw new VersioningException($"The folder '{path}' does not exist. Pass the path of the repository to version.");
        try
        {
            return await GitRepository.OpenAsync(path, cancellationToken);
        }
        catch (GitException exception) when (exception.Message.StartsWith("No .git found", StringComparison.Ordinal))
        {
            throw new VersioningException(
                $"'{Path.GetFullPath(path)}' is not inside a git repository (no .git found), so no version can be computed from history. " +
                "Under CodePipeline, set the source action's output artifact format to 'Full clone' (CODEBUILD_CLONE_REF); elsewhere build from a git clone, not an archive.",
                exception);
        }
        // Any other git failure (a refused safe.directory, a bare repository, an old git) keeps the git layer's specific message.
        catch (GitException exception)
        {
            throw new VersioningException($"git could not read the repository at '{Path.GetFullPath(path)}': {exception.Message}", exception);
        }
    }

    /// <summary>A shallow clone misses the tags and merge bases a version needs: fetch the rest, or fail unless told to continue.</summary>
    private static async Task<GitRepository> Deepen(GitRepository repository, VersionRequest request, List<string> warnings, CancellationToken cancellationToken)
    {
        string? failure = null;
        if (request.FetchWhenShallow && repository.Remotes.Count > 0)
        {
            var remote = repository.Remotes.Contains("origin") ? "origin" : repository.Remotes[0];
            try
            {
                await ToolRunner.RunAsync(
                    new ToolInvocation("git", "fetch", "--unshallow", "--tags", "--quiet", remote, $"+refs/heads/*:refs/remotes/{remote}/*")
                    {
                        WorkingDirectory = repository.WorkingDirectory, EchoCommand = false, StreamOutput = false, Timeout = TimeSpan.FromMinutes(10),
                    },
                    ToolOutput.None,
                    cancellationToken);
                await repository.RefreshAsync(cancellationToken);
                if (!repository.IsShallow)
                    return repository;
            }
            catch (ToolException exception)
            {
                failure = exception.Message.Split('\n')[0];
            }
        }

        var reason = repository.Remotes.Count == 0 ? "it has no remote to fetch from"
            : !request.FetchWhenShallow ? "fetching was turned off"
            : $"fetching the full history failed ({failure ?? "still shallow"})";
        var message = $"The repository at '{repository.WorkingDirectory}' is a shallow clone and {reason}; versions from a shallow history can be wrong.";
        if (!request.AllowShallow)
            throw new VersioningException(message + " Clone with full history (CodeBuild: set git clone depth to 0 / 'Full'), or allow a shallow clone explicitly to continue anyway.");
        warnings.Add(message + " Continuing because a shallow clone was allowed.");
        return repository;
    }

    private static (string Branch, string Source) ResolveBranch(GitRepository repository, Commit head, VersionRequest request, GitVersionConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(request.Branch))
            return (BranchMatcher.ShortName(request.Branch.Trim()), "parameter");
        if (BranchResolver.FromEnvironment(request.Environment) is { } fromCi)
            return (fromCi.Name, fromCi.Source);
        if (repository.CurrentBranch is { } current)
            return (current, "checkout");
        var detached = BranchResolver.ForDetachedHead(repository, head, configuration);
        return (detached.Name, detached.Source);
    }
}

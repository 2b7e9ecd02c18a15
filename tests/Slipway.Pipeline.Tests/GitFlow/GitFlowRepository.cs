using System.Diagnostics;
using Slipway.Pipeline.Tests.Sample;
using Slipway.Versioning;

namespace Slipway.Pipeline.Tests.GitFlow;

/// <summary>
/// A temporary git-flow repository of the sample service, made with real git: <c>main</c> with the tag 1.0.0, <c>develop</c>,
/// and feature, release and hotfix branches started and changed as a team does, pushed to a bare remote <c>origin</c>.
/// The end-to-end test runs the pipeline's targets in it (feature -> develop -> release -> PromoteRelease -> TagRelease -> main -> hotfix).
/// </summary>
/// <remarks>
/// The work tree is a folder named <c>slipway-sample</c> holding the sample's files (busybox copied in and ignored by git) and
/// <c>.nuke/parameters.json</c>; git runs without the user's global or system configuration, and the repository's own
/// configuration carries an identity, so builds that merge and tag in it (TagRelease) work on any machine. Commit times
/// increase by at least a second, so history order never depends on how fast the test runs.
/// </remarks>
public sealed class GitFlowRepository : IDisposable
{
    /// <summary>The release tag on main's first commit.</summary>
    public const string FirstRelease = "1.0.0";

    private readonly string _parent = Directory.CreateTempSubdirectory("slipway-gitflow-").FullName;
    private DateTimeOffset _lastCommit = DateTimeOffset.MinValue;

    /// <summary>Makes the repository: the sample committed on main and tagged 1.0.0, develop branched from it, both pushed with the tag.</summary>
    public GitFlowRepository()
    {
        Root = SampleService.CopyTo(Path.Combine(_parent, "slipway-sample"));
        Remote = Path.Combine(_parent, "origin.git");
        Directory.CreateDirectory(Path.Combine(Root, ".nuke"));
        File.WriteAllText(Path.Combine(Root, ".nuke", "parameters.json"), "{ \"$schema\": \"./build.schema.json\" }\n");
        // The builds the tests run are compiled into the test, so their schema is not the repository's: not committed.
        File.AppendAllText(Path.Combine(Root, ".gitignore"), ".nuke/build.schema.json\n");

        Git("init", "-q", "-b", "main");
        Git("config", "user.name", "Slipway Test");
        Git("config", "user.email", "test@slipway.invalid");
        Git("config", "commit.gpgsign", "false");
        Git("config", "tag.gpgsign", "false");
        Git("add", "-A");
        Commit("Initial commit");
        Git("tag", "-a", FirstRelease, "-m", $"Release {FirstRelease}");
        Git("init", "-q", "--bare", Remote);
        Git("remote", "add", "origin", Remote);
        Git("checkout", "-q", "-b", "develop");
        Git("push", "-q", "origin", "main", "develop", $"refs/tags/{FirstRelease}");
        Git("branch", "-q", "--set-upstream-to", "origin/develop", "develop");
        Git("branch", "-q", "--set-upstream-to", "origin/main", "main");
    }

    /// <summary>The work tree (folder <c>slipway-sample</c>).</summary>
    public string Root { get; }

    /// <summary>The bare repository that is <c>origin</c>.</summary>
    public string Remote { get; }

    /// <summary>The checked-out branch.</summary>
    public string CurrentBranch => Git("rev-parse", "--abbrev-ref", "HEAD");

    /// <summary>The full sha of HEAD.</summary>
    public string Head => Git("rev-parse", "HEAD");

    /// <summary>Checks out <paramref name="branch"/>.</summary>
    public GitFlowRepository Checkout(string branch)
    {
        Git("checkout", "-q", branch);
        return this;
    }

    /// <summary>Starts <c>feature/{id}</c> from develop and checks it out.</summary>
    public GitFlowRepository StartFeature(string id) => StartBranch($"feature/{id}", "develop");

    /// <summary>Starts <c>release/{version}</c> from develop and checks it out.</summary>
    public GitFlowRepository StartRelease(string version) => StartBranch($"release/{version}", "develop");

    /// <summary>Starts <c>hotfix/{version}</c> from main and checks it out.</summary>
    public GitFlowRepository StartHotfix(string version) => StartBranch($"hotfix/{version}", "main");

    /// <summary>A change to the service on the checked-out branch: a line added to the index page, committed; returns the commit.</summary>
    public string Change(string message)
    {
        File.AppendAllText(Path.Combine(Root, "www", "index.template.html"), $"<!-- {message} -->\n");
        Git("add", "-A");
        Commit(message);
        return Head;
    }

    /// <summary>Merges <c>feature/{id}</c> into develop with a merge commit (git-flow's finish), checks out develop and pushes it.</summary>
    public GitFlowRepository FinishFeature(string id)
    {
        Checkout("develop");
        var date = NextCommitDate();
        Git(["merge", "-q", "--no-ff", "-m", $"Merge branch 'feature/{id}' into develop", $"feature/{id}"], Dates(date));
        return Push("develop");
    }

    /// <summary>Pushes <paramref name="branch"/> to origin.</summary>
    public GitFlowRepository Push(string branch)
    {
        Git("push", "-q", "origin", $"refs/heads/{branch}:refs/heads/{branch}");
        return this;
    }

    /// <summary>The sha <paramref name="reference"/> names here, or on origin with <paramref name="onRemote"/>; null when it does not exist.</summary>
    public string? Resolve(string reference, bool onRemote = false)
    {
        var (code, output) = Run(["--git-dir", onRemote ? Remote : Path.Combine(Root, ".git"), "rev-parse", "--verify", "--quiet", $"{reference}^{{commit}}"], []);
        return code == 0 ? output : null;
    }

    /// <summary>The tags of the repository, or of origin with <paramref name="onRemote"/>, sorted.</summary>
    public IReadOnlyList<string> Tags(bool onRemote = false) =>
        Git("--git-dir", onRemote ? Remote : Path.Combine(Root, ".git"), "tag", "--list").Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();

    /// <summary>The version of HEAD as the builds compute it (Slipway.Versioning), for <paramref name="branch"/> when given.</summary>
    public Task<VersionResult> VersionAsync(string? branch = null) => VersionCalculator.CalculateAsync(new VersionRequest(Root) { Branch = branch });

    /// <summary>
    /// Runs <paramref name="build"/> in-process in the work tree as <c>./build.sh</c> would: the targets and parameters given, plus
    /// <c>--root</c> and <c>--no-logo</c>, with no environment variables (no CI host); returns the exit code and the log.
    /// </summary>
    public (int Code, string Output) Run(SlipwayBuild build, params string[] arguments)
    {
        var output = new StringWriter();
        var code = BuildRunner.Run(() => build, [], new BuildRunOptions
        {
            // The platform stops with the build unless a test asks to keep it (a build without CI variables counts as a terminal).
            Arguments = [.. arguments, "--root", Root, "--no-logo", .. arguments.Contains("--local-aws-keep") ? Array.Empty<string>() : ["--local-aws-keep", "false"]],
            Environment = new Dictionary<string, string?>(),
            Output = output,
            WorkingDirectory = Root,
        });
        return (code, output.ToString());
    }

    /// <summary>Runs git in the work tree and returns its standard output, trimmed; fails the test when git fails.</summary>
    public string Git(params string[] arguments) => Git(arguments, []);

    public void Dispose() => Directory.Delete(_parent, recursive: true);

    private GitFlowRepository StartBranch(string branch, string from)
    {
        Git("checkout", "-q", "-b", branch, from);
        return this;
    }

    private void Commit(string message) => Git(["commit", "-q", "-m", message], Dates(NextCommitDate()));

    // Now, or a second after the previous commit when that is later.
    private string NextCommitDate()
    {
        var now = DateTimeOffset.UtcNow;
        _lastCommit = now > _lastCommit.AddSeconds(1) ? now : _lastCommit.AddSeconds(1);
        return _lastCommit.ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static (string, string)[] Dates(string date) => [("GIT_AUTHOR_DATE", date), ("GIT_COMMITTER_DATE", date)];

    private string Git(string[] arguments, (string Name, string Value)[] environment)
    {
        var (code, output) = Run(arguments, environment);
        Assert.True(code == 0, $"git {string.Join(' ', arguments)} failed in '{Root}': {output}");
        return output;
    }

    private (int Code, string Output) Run(string[] arguments, (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        info.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        foreach (var (name, value) in environment)
            info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, process.ExitCode == 0 ? output.Trim() : (output + error.Result).Trim());
    }
}

using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Slipway.Components.Tests.Release;

/// <summary>A build with the TagRelease target alone.</summary>
public class ReleaseBuild : SlipwayBuild, ITagRelease;

/// <summary>A build with PromoteRelease and TagRelease, for their order in a plan.</summary>
public class TagAndPromoteBuild : SlipwayBuild, ITagRelease, IPromoteRelease;

/// <summary>
/// A git-flow service repository made by a test, with a bare repository as remote 'origin': main tagged 1.0.0, develop
/// one feature ahead, release/1.2.0 branched from it with one commit (checked out), and develop one commit further.
/// </summary>
public sealed class GitFlowRepository : IDisposable
{
    /// <summary>Builds the history and the remote.</summary>
    public GitFlowRepository()
    {
        Directory.CreateDirectory(Path.Combine(Root, ".nuke"));
        Git("init", "-q", "-b", "main");
        Git("config", "user.name", "Release Test");
        Git("config", "user.email", "release@slipway.invalid");
        File.WriteAllText(Path.Combine(Root, ".gitignore"), ".nuke/temp/\nartifacts/\n");
        // The build writes .nuke/build.schema.json, which a service repository commits.
        var help = Run(["--help"]);
        Assert.True(help.Code == 0, help.Output);
        Git("add", "-A");
        Git("commit", "-q", "-m", "Initial commit");
        Git("tag", "1.0.0");
        Git("checkout", "-q", "-b", "develop");
        CommitFile("feature.txt", "feature\n");
        Git("checkout", "-q", "-b", "release/1.2.0");
        CommitFile("version.txt", "1.2.0\n");
        Git("checkout", "-q", "develop");
        CommitFile("later.txt", "later\n");
        Git("checkout", "-q", "release/1.2.0");
        Git("clone", "-q", "--bare", Root, Remote);
        Git("remote", "add", "origin", Remote);
        Git("fetch", "-q", "origin");
    }

    /// <summary>The work tree.</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory("slipway-gitflow-").FullName;

    /// <summary>The bare repository that is remote 'origin'.</summary>
    public string Remote { get; } = Path.Combine(Path.GetTempPath(), "slipway-gitflow-remote-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Runs git in the work tree (isolated from the machine's configuration); returns its output, trimmed.</summary>
    public string Git(params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("advice.detachedHead=false");
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)} failed: {error.Result}");
        return output.Trim();
    }

    /// <summary>Runs git on the remote.</summary>
    public string RemoteGit(params string[] args) => Git(["--git-dir", Remote, .. args]);

    /// <summary>Writes and commits a file on the checked-out branch; returns the commit.</summary>
    public string CommitFile(string file, string content)
    {
        File.WriteAllText(Path.Combine(Root, file), content);
        Git("add", file);
        Git("commit", "-q", "-m", $"Change {file}");
        return Git("rev-parse", "HEAD");
    }

    /// <summary>Commits on <paramref name="branch"/> and pushes it, then checks out the release branch again.</summary>
    public void CommitAndPushOn(string branch, string file, string content)
    {
        Git("checkout", "-q", branch);
        CommitFile(file, content);
        Git("push", "-q", "origin", branch);
        Git("checkout", "-q", "release/1.2.0");
    }

    /// <summary>Refs and HEAD here and on the remote, the index file's hash and the status: what a refused finish must leave as it was.</summary>
    public string Snapshot()
    {
        var index = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(Root, ".git", "index"))));
        return new StringBuilder()
            .AppendLine(index)
            .AppendLine(Git("for-each-ref", "--format=%(refname) %(objectname)"))
            .AppendLine(Git("symbolic-ref", "HEAD"))
            .AppendLine(Git("--no-optional-locks", "status", "--porcelain=v2", "--untracked-files=all"))
            .AppendLine(RemoteGit("for-each-ref", "--format=%(refname) %(objectname)"))
            .ToString();
    }

    /// <summary>Runs the build made by <paramref name="newBuild"/> (default: <see cref="ReleaseBuild"/>) with the given arguments.</summary>
    public (int Code, string Output) Run(string[] args, Func<SlipwayBuild>? newBuild = null)
    {
        var output = new StringWriter();
        var code = BuildRunner.Run(newBuild ?? (() => new ReleaseBuild()), [], new BuildRunOptions
        {
            Arguments = [.. args, "--root", Root, "--no-logo"],
            Environment = new Dictionary<string, string?>(),
            Output = output,
            WorkingDirectory = Root,
        });
        return (code, output.ToString());
    }

    /// <summary>Deletes the work tree and the remote.</summary>
    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
        if (Directory.Exists(Remote))
            Directory.Delete(Remote, recursive: true);
    }
}

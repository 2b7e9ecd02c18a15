using System.Security.Cryptography;
using System.Text;
using Slipway.Versioning.Releases;
using Slipway.Versioning.Tests.Git;

namespace Slipway.Versioning.Tests.Releases;

/// <summary>
/// A git-flow repository ready to finish 'release/1.2.0', checked out on that branch: main with one commit, develop one
/// feature ahead of it and one more after the release branched, and a bare repository as remote 'origin' that has all three.
/// </summary>
public sealed class ReleaseRepository : IDisposable
{
    /// <summary>The branch every test finishes.</summary>
    public const string Branch = "release/1.2.0";

    /// <summary>The tag every test makes.</summary>
    public const string Tag = "v1.2.0";

    /// <summary>Builds the history; <paramref name="withRemote"/> false leaves out the bare remote.</summary>
    public ReleaseRepository(bool withRemote = true)
    {
        Commit("app.txt", "app 1.0\n", "Initial commit");
        Work.Branch("develop");
        Commit("feature.txt", "feature\n", "Add a feature");
        Work.Branch(Branch);
        Commit("version.txt", "1.2.0\n", "Bump the version to 1.2.0");
        Work.Checkout("develop");
        Commit("later.txt", "later\n", "Start the next feature");
        Work.Checkout(Branch);
        if (withRemote)
        {
            Work.Run("clone", "-q", "--bare", Work.Path, RemotePath);
            Work.Run("remote", "add", "origin", RemotePath);
            Work.Run("fetch", "-q", "origin");
        }
    }

    /// <summary>The repository being finished.</summary>
    public TestRepository Work { get; } = new();

    /// <summary>The bare repository that is remote 'origin'.</summary>
    public string RemotePath { get; } = Path.Combine(Path.GetTempPath(), "slipway-git-tests", "remote-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>A request to finish <see cref="Branch"/> with <see cref="Tag"/>, adjustable with <c>with</c>.</summary>
    public ReleaseFinishRequest Request => new(Work.Path, Branch, Tag) { TagMessage = "Release 1.2.0" };

    /// <summary>Finishes with <paramref name="request"/>, or <see cref="Request"/>.</summary>
    public Task<ReleaseFinishResult> FinishAsync(ReleaseFinishRequest? request = null) => ReleaseFinisher.FinishAsync(request ?? Request);

    /// <summary>Runs git on the remote and returns its output, trimmed.</summary>
    public string Remote(params string[] arguments) => Work.Run(["--git-dir", RemotePath, .. arguments]);

    /// <summary>
    /// Everything a finish could change, as text: every ref and HEAD, the index file's bytes, the status, and a hash of
    /// every work-tree file. Status runs without optional locks so taking the snapshot never rewrites the index.
    /// </summary>
    public string Snapshot()
    {
        var text = new StringBuilder();
        text.AppendLine(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(Work.Path, ".git", "index")))));
        text.AppendLine(Work.Run("for-each-ref", "--format=%(refname) %(objectname)"));
        text.AppendLine(Work.Run("symbolic-ref", "HEAD")).AppendLine(Work.Run("rev-parse", "HEAD"));
        text.AppendLine(Work.Run("--no-optional-locks", "status", "--porcelain=v2", "--branch", "--untracked-files=all"));
        text.AppendLine(Remote("for-each-ref", "--format=%(refname) %(objectname)"));
        foreach (var file in Directory.EnumerateFiles(Work.Path, "*", SearchOption.AllDirectories)
                     .Where(file => !file.Contains(Path.DirectorySeparatorChar + ".git" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
            text.Append(Path.GetRelativePath(Work.Path, file)).Append(' ').AppendLine(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))));
        return text.ToString();
    }

    /// <summary>Commits <paramref name="content"/> to <paramref name="file"/> on <paramref name="branch"/>, then checks out <see cref="Branch"/> again.</summary>
    public string CommitOn(string branch, string file, string content)
    {
        Work.Checkout(branch);
        var sha = Commit(file, content, $"Change {file} on {branch}");
        Work.Checkout(Branch);
        return sha;
    }

    /// <summary>Deletes both repositories.</summary>
    public void Dispose()
    {
        Work.Dispose();
        if (Directory.Exists(RemotePath))
        {
            foreach (var file in Directory.EnumerateFiles(RemotePath, "*", SearchOption.AllDirectories))
                File.SetAttributes(file, FileAttributes.Normal);
            Directory.Delete(RemotePath, recursive: true);
        }
    }

    private string Commit(string file, string content, string message)
    {
        Work.WriteFile(file, content);
        Work.Run("add", file);
        return Work.MakeCommit(message);
    }
}

namespace Slipway.Versioning.Releases;

/// <summary>Pushes main, develop and the one tag by name: never <c>--tags</c>, never force, so the remote refuses anything but a fast-forward or a new tag.</summary>
internal static class ReleasePush
{
    /// <summary>Pushes; returns false when the remote already had all three.</summary>
    public static async Task<bool> PushAsync(ReleaseGit git, string remote, ReleaseRefs refs, string tag)
    {
        string[] refspecs = [Same("refs/heads/" + refs.Main), Same("refs/heads/" + refs.Develop), Same("refs/tags/" + tag)];
        var result = await git.TryAsync(["push", "--porcelain", remote, .. refspecs]).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new ReleaseFinishException(
                $"Remote '{remote}' refused the push of '{refs.Main}', '{refs.Develop}' and tag '{tag}':{Git.GitCli.ErrorText(result)}\n" +
                "The merges and the tag are made locally. Fix what the remote says (access, a protected branch, a hook), then run again: " +
                "it finds the local work done and only pushes.");
        }

        // Porcelain lines are "<flag>\t<from>:<to>\t<summary>"; '=' means the remote already had it.
        return result.StandardOutput.Split('\n').Any(line => line.Length > 1 && line[1] == '\t' && line[0] != '=');
    }

    private static string Same(string reference) => $"{reference}:{reference}";
}

namespace Slipway.Versioning.Git;

/// <summary>The shas of a loaded graph's commits, by index, and the index of a sha: a commit's <see cref="Commit.Sha"/> string is made when first read.</summary>
/// <remarks>
/// Loaded from rev-list, every sha arrives as text anyway (<see cref="Listed"/>). Read from the commit-graph file, they
/// stay the file's bytes (<see cref="FileHistory"/>): a version computation reads a few hundred of 20,000, and making
/// and hashing all of them was a fifth of the load.
/// </remarks>
internal abstract class ShaTable
{
    /// <summary>The sha of commit <paramref name="index"/>, lower-case hex.</summary>
    public abstract string ShaOf(int index);

    /// <summary>The index of the commit with this full sha (lower-case hex), or -1.</summary>
    public abstract int IndexOf(ReadOnlySpan<char> sha);

    /// <summary>Shas already in hand as strings, with their index.</summary>
    public sealed class Listed(string[] shas, Dictionary<string, int> indexBySha) : ShaTable
    {
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan = indexBySha.GetAlternateLookup<ReadOnlySpan<char>>();

        public override string ShaOf(int index) => shas[index];

        public override int IndexOf(ReadOnlySpan<char> sha) => _bySpan.TryGetValue(sha, out var index) ? index : -1;
    }
}

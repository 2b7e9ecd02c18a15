using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Slipway.Versioning.Git;

/// <summary>
/// The parents and committer dates that git keeps in its commit-graph file (written by <c>git gc</c> and
/// <c>git commit-graph write</c>), read straight from the file: a single <c>objects/info/commit-graph</c>, or the layers
/// of a split chain in <c>objects/info/commit-graphs</c>.
/// </summary>
/// <remarks>
/// Written here rather than taken from a library: no served .NET package reads the file (LibGit2Sharp does not expose
/// it, and Slipway reads git through its CLI). The format is git's <c>gitformat-commit-graph</c>: a header, a table of
/// chunks, then the chunks used here — OIDF (fan-out), OIDL (sorted object ids), CDAT (per commit: tree id, two parent
/// positions, generation and date bits), EDGE (the third and later parents of octopus merges) and BASE (the layers below,
/// in a chain). Positions number the commits of every layer from the base up. Anything unexpected makes
/// <see cref="TryRead"/> return null, and the caller loads history with <c>git rev-list</c> instead: a file Slipway
/// cannot read costs time, never a different version.
/// </remarks>
internal sealed class CommitGraphFile
{
    private const uint Signature = 0x43475048; // "CGPH"
    private const uint OidFanout = 0x4f494446; // "OIDF"
    private const uint OidLookup = 0x4f49444c; // "OIDL"
    private const uint CommitData = 0x43444154; // "CDAT"
    private const uint ExtraEdges = 0x45444745; // "EDGE"
    private const uint BaseGraphs = 0x42415345; // "BASE"
    private const uint NoParent = 0x70000000;
    private const uint MoreParents = 0x80000000; // in the second parent: an index into EDGE; there: the last parent

    private readonly List<byte[]> _layerIds = []; // each layer's sorted object ids
    private readonly List<int[]> _layerFanout = []; // each layer's OIDF: the number of its ids whose first byte is at most i
    private readonly List<ulong[]> _layerKeys = []; // each layer's ids' first eight bytes, big-endian: most searches compare only these
    private readonly List<int> _layerStart = [];  // the position of each layer's first commit

    private CommitGraphFile(int hashLength)
    {
        HashLength = hashLength;
    }

    /// <summary>The length of an object id in bytes: 20 for SHA-1, 32 for SHA-256.</summary>
    public int HashLength { get; }

    /// <summary>The number of commits in every layer.</summary>
    public int Count { get; private set; }

    /// <summary>The committer date of the commit at each position, in unix seconds.</summary>
    public long[] Times { get; private set; } = [];

    /// <summary>The parents of the commit at position i are <see cref="Parents"/>[ParentStart[i] .. ParentStart[i + 1]], in git's order.</summary>
    public int[] ParentStart { get; private set; } = [];

    /// <summary>Parent positions; see <see cref="ParentStart"/>.</summary>
    public int[] Parents { get; private set; } = [];

    /// <summary>Reads the commit-graph of the git objects folder <paramref name="objectsDirectory"/>; null when it has none, or one Slipway cannot read.</summary>
    public static CommitGraphFile? TryRead(string objectsDirectory)
    {
        try
        {
            var info = Path.Combine(objectsDirectory, "info");
            // git reads the single file when there is one, and the chain otherwise.
            var single = Path.Combine(info, "commit-graph");
            if (File.Exists(single))
                return Read([single]);
            var chain = Path.Combine(info, "commit-graphs", "commit-graph-chain");
            if (!File.Exists(chain))
                return null;
            var hashes = File.ReadAllLines(chain).Where(line => line.Length > 0).ToArray();
            if (hashes.Length == 0 || !hashes.All(hash => hash.All(char.IsAsciiHexDigitLower)))
                return null;
            return Read(hashes.Select(hash => Path.Combine(info, "commit-graphs", $"graph-{hash}.graph")).ToArray());
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The object id at <paramref name="position"/>, as lower-case hex.</summary>
    public string ShaAt(int position)
    {
        var layer = LayerOf(position);
        return Convert.ToHexStringLower(_layerIds[layer].AsSpan((position - _layerStart[layer]) * HashLength, HashLength));
    }

    /// <summary>The position of the commit with this full sha (hex, any case), or -1 when the file does not hold it.</summary>
    public int Find(ReadOnlySpan<char> sha)
    {
        if (sha.Length != HashLength * 2)
            return -1;
        Span<byte> id = stackalloc byte[HashLength];
        if (Convert.FromHexString(sha, id, out _, out var written) != System.Buffers.OperationStatus.Done || written != HashLength)
            return -1;
        for (var layer = 0; layer < _layerIds.Count; layer++)
        {
            var found = Search(layer, id);
            if (found >= 0)
                return _layerStart[layer] + found;
        }

        return -1;
    }

    private int Search(int layer, ReadOnlySpan<byte> id)
    {
        var (ids, fanout, keys) = (_layerIds[layer], _layerFanout[layer], _layerKeys[layer]);
        var key = BinaryPrimitives.ReadUInt64BigEndian(id);
        int low = id[0] == 0 ? 0 : fanout[id[0] - 1], high = fanout[id[0]] - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = keys[middle] != key ? keys[middle].CompareTo(key) : ids.AsSpan(middle * HashLength, HashLength).SequenceCompareTo(id);
            if (order == 0)
                return middle;
            if (order < 0)
                low = middle + 1;
            else
                high = middle - 1;
        }

        return -1;
    }

    private int LayerOf(int position)
    {
        var layer = _layerStart.Count - 1;
        while (_layerStart[layer] > position)
            layer--;
        return layer;
    }

    // Reads the layers base first; each layer's parents may point into the layers below it.
    private static CommitGraphFile? Read(string[] paths)
    {
        CommitGraphFile? graph = null;
        var times = new List<long>();
        var parentStart = new List<int> { 0 };
        var parents = new List<int>();
        foreach (var path in paths)
        {
            var layer = ReadLayer(File.ReadAllBytes(path), graph?.HashLength, graph?._layerIds.Count ?? 0, times, parentStart, parents);
            if (layer is null)
                return null;
            graph ??= new CommitGraphFile(layer.Value.HashLength);
            graph._layerStart.Add(graph.Count);
            graph._layerIds.Add(layer.Value.Ids);
            graph._layerFanout.Add(layer.Value.Fanout);
            var keys = new ulong[layer.Value.Ids.Length / graph.HashLength];
            for (var index = 0; index < keys.Length; index++)
                keys[index] = BinaryPrimitives.ReadUInt64BigEndian(layer.Value.Ids.AsSpan(index * graph.HashLength));
            graph._layerKeys.Add(keys);
            graph.Count += layer.Value.Ids.Length / graph.HashLength;
        }

        if (graph is null || parents.Any(parent => parent >= graph.Count))
            return null;
        graph.Times = [.. times];
        graph.ParentStart = [.. parentStart];
        graph.Parents = [.. parents];
        return graph;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over every commit: optimize it at once, not at the slow first JIT tier
    private static (int HashLength, byte[] Ids, int[] Fanout)? ReadLayer(
        byte[] file, int? hashLength, int layersBelow, List<long> times, List<int> parentStart, List<int> parents)
    {
        if (file.Length < 8 || BinaryPrimitives.ReadUInt32BigEndian(file) != Signature || file[4] != 1)
            return null;
        var length = file[5] switch { 1 => 20, 2 => 32, _ => 0 };
        if (length == 0 || (hashLength is { } expected && expected != length) || file[7] != layersBelow)
            return null;

        var chunks = new Dictionary<uint, (int Start, int End)>();
        var chunkCount = file[6];
        for (var entry = 0; entry < chunkCount; entry++)
        {
            var at = 8 + (entry * 12);
            if (at + 24 > file.Length)
                return null;
            var id = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at));
            var start = BinaryPrimitives.ReadUInt64BigEndian(file.AsSpan(at + 4));
            var end = BinaryPrimitives.ReadUInt64BigEndian(file.AsSpan(at + 16));
            if (start > end || end > (ulong)file.Length)
                return null;
            chunks[id] = ((int)start, (int)end);
        }

        if (!chunks.TryGetValue(OidFanout, out var fanout) || fanout.End - fanout.Start != 256 * 4 ||
            !chunks.TryGetValue(OidLookup, out var lookup) || !chunks.TryGetValue(CommitData, out var data))
            return null;
        var count = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(fanout.Start + (255 * 4)));
        var width = length + 16;
        if (lookup.End - lookup.Start != count * length || data.End - data.Start != count * width)
            return null;
        if (layersBelow > 0 && (!chunks.TryGetValue(BaseGraphs, out var bases) || bases.End - bases.Start != layersBelow * length))
            return null;
        var edges = chunks.TryGetValue(ExtraEdges, out var edgeChunk) ? file.AsSpan(edgeChunk.Start, edgeChunk.End - edgeChunk.Start) : [];

        for (var index = 0; index < count; index++)
        {
            var entry = file.AsSpan(data.Start + (index * width) + length, 16);
            var first = BinaryPrimitives.ReadUInt32BigEndian(entry);
            var second = BinaryPrimitives.ReadUInt32BigEndian(entry[4..]);
            // The low two bits of the generation word are bits 32 and 33 of the date.
            var high = BinaryPrimitives.ReadUInt32BigEndian(entry[8..]) & 3;
            times.Add(((long)high << 32) | BinaryPrimitives.ReadUInt32BigEndian(entry[12..]));
            if (first != NoParent)
                parents.Add((int)first);
            if ((second & MoreParents) != 0)
            {
                // An octopus merge: the second and later parents are in EDGE, the last one marked.
                for (var edge = (int)(second & ~MoreParents); ; edge++)
                {
                    if ((edge + 1) * 4 > edges.Length)
                        return null;
                    var parent = BinaryPrimitives.ReadUInt32BigEndian(edges[(edge * 4)..]);
                    parents.Add((int)(parent & ~MoreParents));
                    if ((parent & MoreParents) != 0)
                        break;
                }
            }
            else if (second != NoParent)
            {
                parents.Add((int)second);
            }

            parentStart.Add(parents.Count);
        }

        var fanoutTable = new int[256];
        for (var first = 0; first < 256; first++)
            fanoutTable[first] = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(fanout.Start + (first * 4)));
        return (length, file.AsSpan(lookup.Start, lookup.End - lookup.Start).ToArray(), fanoutTable);
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Slipway.Execution;

/// <summary>The record behind --continue: the invocation's hash and the targets that succeeded, in <c>.nuke/temp/build-attempt.log</c>.</summary>
internal sealed class BuildAttempt
{
    private readonly string _path;
    private readonly string _hash;
    private readonly object _gate = new();

    public BuildAttempt(string temporaryDirectory, IEnumerable<string> arguments)
    {
        _path = Path.Combine(temporaryDirectory, "build-attempt.log");
        _hash = Hash(arguments.Where(x => !string.Equals(x, "--continue", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Targets that succeeded in the previous attempt of the same invocation, or null when there was none.</summary>
    public IReadOnlyList<string>? PreviousSuccesses()
    {
        if (!File.Exists(_path))
            return null;
        var lines = File.ReadAllLines(_path);
        return lines.Length > 0 && lines[0] == _hash ? lines.Skip(1).ToList() : null;
    }

    /// <summary>Starts a new record, keeping earlier successes when continuing.</summary>
    public void Start(IEnumerable<string> carriedOver)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        File.WriteAllLines(_path, [_hash, .. carriedOver]);
    }

    /// <summary>Appends a succeeded target, immediately, so a crash keeps the progress.</summary>
    public void RecordSuccess(string target)
    {
        lock (_gate)
            File.AppendAllLines(_path, [target]);
    }

    /// <summary>Forgets the attempt: a fully successful run leaves nothing to continue.</summary>
    public void Clear()
    {
        if (File.Exists(_path))
            File.Delete(_path);
    }

    private static string Hash(IEnumerable<string> arguments) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', arguments))));
}

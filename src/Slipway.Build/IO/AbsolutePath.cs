namespace Slipway.IO;

/// <summary>A normalized absolute file-system path; <c>root / "src" / "app"</c> combines.</summary>
public sealed class AbsolutePath : IEquatable<AbsolutePath>
{
    private AbsolutePath(string path) => Value = path;

    /// <summary>The full path.</summary>
    public string Value { get; }

    /// <summary>Creates a path; a relative <paramref name="path"/> is resolved against <paramref name="baseDirectory"/> (default: the current directory).</summary>
    public static AbsolutePath Create(string path, string? baseDirectory = null)
    {
        var full = Path.GetFullPath(path, baseDirectory ?? Directory.GetCurrentDirectory());
        return new AbsolutePath(full.Length > 1 ? full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) is { Length: > 0 } trimmed ? trimmed : full : full);
    }

    /// <summary>The file or folder name.</summary>
    public string Name => Path.GetFileName(Value);

    /// <summary>The containing folder, or null at the file-system root.</summary>
    public AbsolutePath? Parent => Path.GetDirectoryName(Value) is { } parent ? new AbsolutePath(parent) : null;

    /// <summary>Whether a file exists at this path.</summary>
    public bool FileExists => File.Exists(Value);

    /// <summary>Whether a folder exists at this path.</summary>
    public bool DirectoryExists => Directory.Exists(Value);

    /// <summary>Creates the folder (and parents) if missing, and returns this path.</summary>
    public AbsolutePath CreateDirectory()
    {
        Directory.CreateDirectory(Value);
        return this;
    }

    /// <summary>This path relative to <paramref name="basePath"/>, with forward slashes.</summary>
    public string RelativeTo(AbsolutePath basePath) => Path.GetRelativePath(basePath.Value, Value).Replace('\\', '/');

    /// <summary>Combines a path with a relative part.</summary>
    public static AbsolutePath operator /(AbsolutePath left, string right) => Create(Path.Combine(left.Value, right));

    /// <summary>The path as a string.</summary>
    public static implicit operator string(AbsolutePath path) => path.Value;

    /// <inheritdoc />
    public bool Equals(AbsolutePath? other) => other is not null && string.Equals(Value, other.Value, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AbsolutePath);

    /// <inheritdoc />
    public override int GetHashCode() => OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase.GetHashCode(Value) : Value.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>A path relative to the build's root, kept with forward slashes (portable in parameter files).</summary>
public sealed record RelativePath(string Value)
{
    /// <summary>Normalizes separators to forward slashes.</summary>
    public static RelativePath Create(string path) => new(path.Replace('\\', '/').TrimEnd('/'));

    /// <summary>The path as a string.</summary>
    public static implicit operator string(RelativePath path) => path.Value;

    /// <inheritdoc />
    public override string ToString() => Value;
}

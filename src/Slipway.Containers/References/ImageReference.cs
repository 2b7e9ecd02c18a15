using System.Text.RegularExpressions;

namespace Slipway.Containers.References;

/// <summary>A Docker image reference: [registry/]repository[:tag][@digest], parsed as Docker does.</summary>
public sealed partial record ImageReference
{
    /// <summary>The registry Docker assumes when a reference names none.</summary>
    public const string DefaultRegistry = "docker.io";

    const int MaxNameLength = 255;

    ImageReference(string? registry, string repository, string? tag, string? digest)
    {
        ExplicitRegistry = registry;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The registry as written, or null when the reference relies on Docker Hub.</summary>
    public string? ExplicitRegistry { get; }

    /// <summary>The registry host (with port), <see cref="DefaultRegistry"/> when none was written.</summary>
    public string Registry => ExplicitRegistry ?? DefaultRegistry;

    /// <summary>The repository path as written (without Docker Hub's implicit "library/").</summary>
    public string Repository { get; }

    /// <summary>The repository path as the registry API sees it ("library/x" on Docker Hub).</summary>
    public string RepositoryPath =>
        Registry == DefaultRegistry && !Repository.Contains('/') ? "library/" + Repository : Repository;

    /// <summary>The tag, if any.</summary>
    public string? Tag { get; }

    /// <summary>The digest ("sha256:..."), if any.</summary>
    public string? Digest { get; }

    /// <summary>The manifest reference to ask the registry for: the digest when present, else the tag, else "latest".</summary>
    public string ManifestReference => Digest ?? Tag ?? "latest";

    /// <summary>The fully qualified form: registry, full repository path, tag (or "latest" without a digest), digest.</summary>
    public string FullyQualified =>
        $"{Registry}/{RepositoryPath}" + (Tag is not null ? ":" + Tag : Digest is null ? ":latest" : "")
        + (Digest is not null ? "@" + Digest : "");

    /// <summary>This reference with another tag and no digest.</summary>
    public ImageReference WithTag(string tag) => Parse(NameText + ":" + tag);

    /// <summary>This reference pinned to a digest (keeping the tag).</summary>
    public ImageReference WithDigest(string digest) => Parse(NameText + (Tag is null ? "" : ":" + Tag) + "@" + digest);

    string NameText => ExplicitRegistry is null ? Repository : ExplicitRegistry + "/" + Repository;

    /// <summary>The reference in the form it was written.</summary>
    public override string ToString() =>
        NameText + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);

    /// <summary>Parses a reference, throwing <see cref="ImageReferenceException"/> naming the wrong part.</summary>
    public static ImageReference Parse(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Length == 0)
            throw new ImageReferenceException(input, "repository", "is empty; expected [registry/]repository[:tag][@digest].");

        var rest = input;
        string? digest = null;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!Containers.Digest.TryParse(digest, out _))
                throw new ImageReferenceException(input, "digest",
                    $"'{digest}' is not valid; expected 'sha256:' followed by 64 lowercase hex digits.");
        }

        string? registry = null;
        var slash = rest.IndexOf('/');
        if (slash >= 0)
        {
            var first = rest[..slash];
            // Docker's rule: a registry has a '.' or ':', is "localhost", or has an uppercase letter (never valid in a repository).
            if (first.Contains('.') || first.Contains(':') || first == "localhost" || first.Any(char.IsUpper))
            {
                registry = first;
                rest = rest[(slash + 1)..];
                if (!RegistryPattern().IsMatch(registry))
                    throw new ImageReferenceException(input, "registry",
                        $"'{registry}' is not valid; expected a host name or IP address with an optional ':port'.");
            }
        }

        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon >= 0)
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!TagPattern().IsMatch(tag))
                throw new ImageReferenceException(input, "tag",
                    $"'{tag}' is not valid; expected 1 to 128 characters of [A-Za-z0-9_.-], not starting with '.' or '-'.");
        }

        if (rest.Length == 0 || !RepositoryPattern().IsMatch(rest))
            throw new ImageReferenceException(input, "repository",
                $"'{rest}' is not valid; expected lowercase path components of [a-z0-9] separated by '.', '_', '__' or '-', joined by '/'.");
        var nameLength = (registry is null ? 0 : registry.Length + 1) + rest.Length;
        if (nameLength > MaxNameLength)
            throw new ImageReferenceException(input, "repository",
                $"name is {nameLength} characters; expected at most {MaxNameLength}.");

        return new ImageReference(registry, rest, tag, digest);
    }

    /// <summary>Parses a reference, returning false instead of throwing.</summary>
    public static bool TryParse(string input, out ImageReference? reference)
    {
        try
        {
            reference = Parse(input);
            return true;
        }
        catch (ImageReferenceException)
        {
            reference = null;
            return false;
        }
    }

    // Explicit ASCII classes and \z throughout: .NET's \w and \d are Unicode, and $ also matches before a final newline.
    [GeneratedRegex(@"^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[0-9a-fA-F:.]+\])(?::[0-9]+)?\z")]
    private static partial Regex RegistryPattern();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*\z")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}\z")]
    private static partial Regex TagPattern();
}

namespace Slipway.Aws.Ecr;

/// <summary>The tag a retag would add already names another image; Slipway never moves a tag.</summary>
public sealed class EcrTagConflictException : AwsException
{
    /// <summary>Creates the exception for <paramref name="tag"/> in <paramref name="repositoryName"/>, naming both digests.</summary>
    public EcrTagConflictException(string repositoryName, string tag, string existingDigest, string requestedDigest)
        : base($"Tag '{tag}' in repository '{repositoryName}' already names image '{existingDigest}', not '{requestedDigest}'. " +
               "Tags are never moved, so a released tag always means the same image: choose a new tag, " +
               "or delete the existing tag first if it was pushed by mistake.")
    {
        RepositoryName = repositoryName;
        Tag = tag;
        ExistingDigest = existingDigest;
        RequestedDigest = requestedDigest;
    }

    /// <summary>The repository, e.g. "team/api".</summary>
    public string RepositoryName { get; }

    /// <summary>The tag that was not moved.</summary>
    public string Tag { get; }

    /// <summary>The digest the tag names and keeps naming.</summary>
    public string ExistingDigest { get; }

    /// <summary>The digest the retag wanted the tag to name.</summary>
    public string RequestedDigest { get; }
}

/// <summary>The image a retag starts from does not exist in the repository.</summary>
public sealed class EcrSourceImageNotFoundException : AwsException
{
    /// <summary>Creates the exception; <paramref name="source"/> describes the image, e.g. "tag '1.4.0-rc.2'".</summary>
    public EcrSourceImageNotFoundException(string repositoryName, string source, string? registryId)
        : base($"Repository '{repositoryName}'{(registryId is null ? "" : $" in registry '{registryId}'")} has no image with {source} to retag. " +
               "Check the tag, and that the image was pushed to this repository and account.")
    {
        RepositoryName = repositoryName;
    }

    /// <summary>The repository that was searched.</summary>
    public string RepositoryName { get; }
}

namespace Slipway.Aws.Ecr;

/// <summary>What <see cref="EcrImageTags.RetagAsync"/> tags: the image a source tag (or digest) names gets a further tag in the same repository.</summary>
public sealed record EcrRetagRequest
{
    /// <summary>The repository holding both tags, e.g. "team/api".</summary>
    public required string RepositoryName { get; init; }

    /// <summary>The tag naming the image to retag, e.g. "1.4.0-rc.2"; give this, <see cref="SourceDigest"/>, or both (ECR then checks they agree).</summary>
    public string? SourceTag { get; init; }

    /// <summary>The manifest digest of the image to retag, e.g. "sha256:...".</summary>
    public string? SourceDigest { get; init; }

    /// <summary>The tag to add, e.g. "1.4.0"; it is never moved off another image.</summary>
    public required string TargetTag { get; init; }

    /// <summary>Registry (account) id; null is the caller's.</summary>
    public string? RegistryId { get; init; }

    /// <summary>The source as ECR identifies images, e.g. "tag '1.4.0-rc.2'", for messages.</summary>
    internal string SourceDescription => (SourceTag, SourceDigest) switch
    {
        ({ } tag, { } digest) => $"tag '{tag}' with digest '{digest}'",
        ({ } tag, null) => $"tag '{tag}'",
        _ => $"digest '{SourceDigest}'",
    };
}

/// <summary>What a retag did.</summary>
public enum EcrRetagOutcome
{
    /// <summary>The target tag was added to the image.</summary>
    Tagged,

    /// <summary>The target tag already named the image; nothing changed.</summary>
    AlreadyTagged,
}

/// <summary>The outcome of a retag and the manifest digest both tags now name.</summary>
/// <param name="Outcome">Whether the tag was added or already there.</param>
/// <param name="Digest">The image's manifest digest, unchanged by the retag.</param>
public sealed record EcrRetagResult(EcrRetagOutcome Outcome, string Digest);

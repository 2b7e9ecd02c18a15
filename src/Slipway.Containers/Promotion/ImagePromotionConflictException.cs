using Slipway.Containers.References;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Promotion;

/// <summary>The release tag already names another image than the candidate; release tags are never moved.</summary>
public sealed class ImagePromotionConflictException : RegistryException
{
    /// <summary>Describes a release tag naming <paramref name="releaseDigest"/> where the candidate is <paramref name="candidateDigest"/>.</summary>
    public ImagePromotionConflictException(ImageReference release, string releaseDigest, string? releaseRevision,
        ImageReference candidate, string candidateDigest, string? candidateRevision)
        : base($"Release tag '{release}' already names {releaseDigest} ({Commit(releaseRevision)}), not the candidate '{candidate}', "
            + $"which is {candidateDigest} ({Commit(candidateRevision)}). Release tags are never moved: bump the version and promote "
            + "a new release candidate; the existing release stays as it is.")
    {
        Release = release;
        ReleaseDigest = releaseDigest;
        ReleaseRevision = releaseRevision;
        Candidate = candidate;
        CandidateDigest = candidateDigest;
        CandidateRevision = candidateRevision;
    }

    /// <summary>The release tag that already exists.</summary>
    public ImageReference Release { get; }

    /// <summary>The digest the release tag names.</summary>
    public string ReleaseDigest { get; }

    /// <summary>The commit the released image was built from, if labelled.</summary>
    public string? ReleaseRevision { get; }

    /// <summary>The candidate that was not promoted.</summary>
    public ImageReference Candidate { get; }

    /// <summary>The candidate's digest.</summary>
    public string CandidateDigest { get; }

    /// <summary>The commit the candidate was built from, if labelled.</summary>
    public string? CandidateRevision { get; }

    static string Commit(string? revision) => revision is null ? "no revision label" : $"commit {revision}";
}

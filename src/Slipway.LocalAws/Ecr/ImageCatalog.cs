using Slipway.LocalAws.Registry;

namespace Slipway.LocalAws.Ecr;

/// <summary>One image of a repository: its digest, the tags naming it and what was recorded at its push.</summary>
internal sealed record CatalogImage(string Digest, IReadOnlyList<string> Tags, ImageRecord Record);

/// <summary>Lists a repository's images: tags come from the registry (the truth for where a tag points), push details from the platform's records.</summary>
internal static class ImageCatalog
{
    /// <summary>Every image of <paramref name="repository"/>, tagged or not, sorted by digest.</summary>
    public static async Task<IReadOnlyList<CatalogImage>> ListAsync(EcrRegistry ecr, string repository, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tags = await ecr.Registry.TagsAsync(repository, cancellationToken);
        var resolved = await Task.WhenAll(tags.Select(async tag => (Tag: tag, Digest: await ecr.Registry.ResolveAsync(repository, tag, cancellationToken))));
        var records = new Dictionary<string, ImageRecord>(ecr.Repositories.Images(repository));
        foreach (var digest in resolved.Select(pair => pair.Digest).OfType<string>().Distinct().Where(digest => !records.ContainsKey(digest)))
            records[digest] = await RecordUnknownAsync(ecr, repository, digest, now, cancellationToken);

        var tagsByDigest = resolved.Where(pair => pair.Digest is not null).ToLookup(pair => pair.Digest!, pair => pair.Tag);
        return records
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new CatalogImage(pair.Key, tagsByDigest[pair.Key].Order(StringComparer.Ordinal).ToList(), pair.Value))
            .ToList();
    }

    // A manifest the platform did not see pushed (storage carried over from elsewhere): record it now rather than hide it.
    private static async Task<ImageRecord> RecordUnknownAsync(EcrRegistry ecr, string repository, string digest, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await ecr.Registry.GetManifestAsync(repository, digest, cancellationToken);
        var parsed = stored is null ? null : ImageManifest.Parse(stored.Bytes, stored.MediaType);
        var record = new ImageRecord(now, parsed?.MediaType ?? ManifestMediaTypes.DockerManifest, parsed?.LayerSize ?? 0, parsed?.ArtifactMediaType);
        ecr.Repositories.RecordImage(repository, digest, record);
        return record;
    }
}

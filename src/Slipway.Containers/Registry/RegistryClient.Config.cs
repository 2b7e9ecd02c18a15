using Slipway.Containers.Manifests;

namespace Slipway.Containers.Registry;

public sealed partial class RegistryClient
{
    /// <summary>
    /// Reads the labels of an image's config (for an index, of its linux/amd64 child, else its first), or null when the repository
    /// has no such tag or digest.
    /// </summary>
    public async Task<ImageConfig?> GetImageConfigAsync(string repository, string reference, CancellationToken cancellationToken = default)
    {
        var manifest = await FindManifestAsync(repository, reference, cancellationToken);
        return manifest is null ? null : await ReadImageConfigAsync(repository, manifest, cancellationToken);
    }

    /// <summary>Reads the config of a manifest already fetched from <paramref name="repository"/>.</summary>
    internal async Task<ImageConfig> ReadImageConfigAsync(string repository, Manifest manifest, CancellationToken cancellationToken)
    {
        var image = manifest.IsIndex ? await GetManifestAsync(repository, ConfigChild(manifest).Digest, cancellationToken) : manifest;
        var config = image.Config ?? throw new RegistryException(
            $"Manifest '{Registry}/{repository}@{image.Digest}' has no config{(image.IsIndex ? " (it is an index inside an index)" : "")}; expected an image manifest.");
        using var bytes = new MemoryStream();
        await DownloadBlobAsync(repository, config.Digest, bytes, cancellationToken);
        try
        {
            return ImageConfig.Parse(manifest.Digest, bytes.ToArray());
        }
        catch (FormatException e)
        {
            throw new RegistryException($"Registry '{Registry}' served an unreadable config {config.Digest} for '{repository}@{manifest.Digest}': {e.Message}", inner: e);
        }
    }

    /// <summary>The child of an index whose config stands for it: linux/amd64 (what deploys usually run) when listed, else the first.</summary>
    internal static Descriptor ConfigChild(Manifest index) =>
        index.Children.FirstOrDefault(child => child.Platform is { Os: "linux", Architecture: "amd64" })
        ?? index.Children.FirstOrDefault()
        ?? throw new RegistryException($"Index {index.Digest} lists no manifests; expected at least one platform image.");
}

namespace Slipway.Aws.Ecr;

public static partial class EcrRepositories
{
    /// <summary>
    /// Returns the repository <paramref name="settings"/> names in <paramref name="account"/>, created with the settings when missing; an existing
    /// repository with mutable tags is refused when the settings ask for immutable ones.
    /// </summary>
    /// <exception cref="EcrMutableTagsException">The repository exists with mutable tags and <see cref="EcrRepositorySettings.ImmutableTags"/> is set.</exception>
    public static async Task<EnsuredRepository> EnsureAsync(this EcrClient ecr, EcrRepositorySettings settings, string account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var ensured = await ecr.EnsureAsync(settings.CreateRequest(), cancellationToken).ConfigureAwait(false);
        // Tags are checked before they are written; only immutability stops a concurrent writer from moving one in between.
        if (settings.ImmutableTags && ensured.Repository.ImageTagMutability == ImageTagMutability.Mutable)
            throw new EcrMutableTagsException(ensured.Repository.RepositoryUri ?? settings.Name, settings.Name, account);
        return ensured;
    }
}

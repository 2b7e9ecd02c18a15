namespace Slipway.LocalAws.Ecs.Docker;

/// <summary>The containers on the engine that carry one platform's label: observed together, removed together; ones already gone are skipped.</summary>
internal sealed class PlatformContainers(DockerEngine engine, string platformId)
{
    /// <summary>Every container of the platform, running or not, with its state.</summary>
    public async Task<IReadOnlyList<ContainerObservation>> ObserveAsync(CancellationToken cancellationToken)
    {
        var observations = new List<ContainerObservation>();
        foreach (var id in await engine.ListAsync(platformId, cancellationToken))
        {
            try
            {
                observations.Add(await engine.InspectAsync(id, cancellationToken));
            }
            catch (ContainerNotFoundException)
            {
                // Removed between the list and the inspect: it is not there, as it will not be at the next pass.
            }
        }

        return observations;
    }

    /// <summary>The ids of every container of the platform, running or not.</summary>
    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) => engine.ListAsync(platformId, cancellationToken);

    /// <summary>Removes <paramref name="containers"/> whether they run or not; ones already gone are ignored.</summary>
    public async Task RemoveAsync(IEnumerable<string> containers, CancellationToken cancellationToken)
    {
        foreach (var id in containers)
            await engine.RemoveIfPresentAsync(id, cancellationToken);
    }
}

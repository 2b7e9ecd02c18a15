namespace Slipway.LocalAws.Ports;

/// <summary>The ports one start holds until the server takes them over: the API's and each account registry's, by account id.</summary>
internal sealed class ClaimedPorts(ReservedPort api, IReadOnlyDictionary<string, ReservedPort> registries) : IDisposable
{
    /// <summary>The AWS API port.</summary>
    public ReservedPort Api { get; } = api;

    /// <summary>Each account's public registry port, by account id.</summary>
    public IReadOnlyDictionary<string, ReservedPort> Registries { get; } = registries;

    /// <summary>Closes every socket the server has not taken over.</summary>
    public void Dispose()
    {
        Api.Dispose();
        foreach (var port in Registries.Values)
            port.Dispose();
    }
}

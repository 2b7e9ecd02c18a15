namespace Slipway.LocalAws.State;

/// <summary>The content of <c>endpoint.json</c>: the API port the platform chose for its data folder, kept so the endpoint clients were given survives restarts.</summary>
internal sealed class EndpointRecord
{
    /// <summary>The file's name in the data folder.</summary>
    public const string FileName = "endpoint.json";

    /// <summary>The API port chosen when no port was given; 0 until one was chosen.</summary>
    public int ApiPort { get; set; }
}

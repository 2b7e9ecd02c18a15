namespace Slipway.LocalAws.State;

/// <summary>What <c>runtime.json</c> says about a running platform: where it answers and which processes to stop; removed when it stops.</summary>
internal sealed class RuntimeRecord
{
    public const string FileName = "runtime.json";

    /// <summary>The process hosting the platform.</summary>
    public required int HostProcessId { get; init; }

    /// <summary>When the host process started, to tell it from a later process that got the same id.</summary>
    public required DateTimeOffset HostStartedAt { get; init; }

    /// <summary>Whether <c>slipway-local-aws start</c> hosts it (and so <c>stop</c> may end the host process).</summary>
    public required bool HostedByCli { get; init; }

    public required string Endpoint { get; init; }

    public required string Region { get; init; }

    public List<RuntimeRegistry> Registries { get; init; } = [];
}

/// <summary>One account's running registry, as <c>runtime.json</c> records it.</summary>
internal sealed record RuntimeRegistry(string AccountId, string Endpoint, int ProcessId, string ConfigPath);

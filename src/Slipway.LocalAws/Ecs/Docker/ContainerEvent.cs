using System.Globalization;

namespace Slipway.LocalAws.Ecs.Docker;

/// <summary>A change the engine reports for one of the platform's containers: what happened, the exit code of a <c>die</c>, and when.</summary>
internal sealed record ContainerEvent(string ContainerId, string Action, int? ExitCode, string? TaskId, ContainerEventTime Time)
{
    /// <summary>The actions that can change a task's condition: an exit, a health check verdict, the kernel killing it for memory, its removal.</summary>
    public static readonly IReadOnlyList<string> Actions = ["die", "health_status", "oom", "destroy"];
}

/// <summary>An engine event's time in nanoseconds since the epoch; written as the events API's <c>since</c> takes it (<c>seconds.nanoseconds</c>).</summary>
internal readonly record struct ContainerEventTime(long UnixNanoseconds)
{
    /// <summary>The time of <paramref name="moment"/>.</summary>
    public static ContainerEventTime Of(DateTimeOffset moment) => new((moment - DateTimeOffset.UnixEpoch).Ticks * 100);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{UnixNanoseconds / 1_000_000_000}.{UnixNanoseconds % 1_000_000_000:D9}");
}

namespace Slipway.LocalAws.Tests.Infrastructure;

/// <summary>The system clock moved by <see cref="Offset"/>: the platform sees a different "now" than the clients signing requests.</summary>
public sealed class ShiftableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

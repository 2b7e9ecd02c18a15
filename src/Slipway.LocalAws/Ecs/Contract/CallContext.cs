// PLACEHOLDER until branch 'local-ecs' merges with 'local-aws' (merged into main as d7a1057): an exact copy of Server/CallContext.cs there; delete this file when merging.
using Slipway.LocalAws.Signing;

namespace Slipway.LocalAws.Server;

/// <summary>What a service handler knows about the call: its request id, the authenticated caller, the region and the platform's time.</summary>
internal sealed record CallContext(string RequestId, AwsPrincipal Caller, string Region, DateTimeOffset Now)
{
    /// <summary>The account the caller acts in.</summary>
    public string AccountId => Caller.AccountId;
}

// PLACEHOLDER until branch 'local-ecs' merges with 'local-aws' (merged into main as d7a1057): an exact copy of Signing/AwsPrincipal.cs there; delete this file when merging.
namespace Slipway.LocalAws.Signing;

/// <summary>Who signed a request: the account it acts in and the identity AWS would report for it.</summary>
internal sealed record AwsPrincipal(string AccountId, string Arn, string UserId, string AccessKeyId);

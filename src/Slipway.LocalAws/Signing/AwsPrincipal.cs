namespace Slipway.LocalAws.Signing;

/// <summary>Who signed a request: the account it acts in and the identity AWS would report for it.</summary>
internal sealed record AwsPrincipal(string AccountId, string Arn, string UserId, string AccessKeyId);

namespace Slipway.LocalAws.State;

/// <summary>Temporary credentials issued by AssumeRole, as stored in <c>sessions.json</c>.</summary>
internal sealed class SessionRecord
{
    public required string AccessKeyId { get; init; }

    public required string SecretAccessKey { get; init; }

    public required string SessionToken { get; init; }

    /// <summary>The account the role belongs to, which the credentials act in.</summary>
    public required string AccountId { get; init; }

    public required string RoleName { get; init; }

    public required string SessionName { get; init; }

    /// <summary>The role's unique id (<c>AROA...</c>), stable per role.</summary>
    public required string RoleId { get; init; }

    public required DateTimeOffset Expiration { get; init; }

    /// <summary>The assumed-role ARN, <c>arn:aws:sts::{account}:assumed-role/{role}/{session}</c>.</summary>
    public string Arn => $"arn:aws:sts::{AccountId}:assumed-role/{RoleName}/{SessionName}";
}

/// <summary>The content of <c>sessions.json</c>.</summary>
internal sealed class SessionsDocument
{
    public List<SessionRecord> Sessions { get; init; } = [];

    /// <summary>Role unique ids by <c>{account}:{role}</c>, so a role keeps its id across sessions.</summary>
    public Dictionary<string, string> RoleIds { get; init; } = [];
}

using Slipway.LocalAws.Signing;

namespace Slipway.LocalAws.State;

/// <summary>Resolves access keys to credentials: the accounts' root keys, then the sessions AssumeRole issued.</summary>
internal sealed class CredentialStore(AccountStore accounts, SessionStore sessions) : ICredentialResolver
{
    /// <inheritdoc />
    public SigningCredential? Find(string accessKeyId)
    {
        var account = accounts.All.FirstOrDefault(candidate => candidate.AccessKeyId == accessKeyId);
        if (account is not null)
            return new SigningCredential(account.SecretAccessKey, new AwsPrincipal(account.Id, $"arn:aws:iam::{account.Id}:root", account.Id, accessKeyId));

        var session = sessions.Find(accessKeyId);
        return session is null
            ? null
            : new SigningCredential(session.SecretAccessKey,
                new AwsPrincipal(session.AccountId, session.Arn, $"{session.RoleId}:{session.SessionName}", accessKeyId),
                session.SessionToken, session.Expiration);
    }
}

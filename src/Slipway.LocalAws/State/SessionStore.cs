namespace Slipway.LocalAws.State;

/// <summary>The temporary credentials AssumeRole issued, kept in <c>sessions.json</c> so they outlive a restart; expired ones are dropped a day after they expire.</summary>
internal sealed class SessionStore(string dataDirectory, TimeProvider clock)
{
    private static readonly TimeSpan KeepExpired = TimeSpan.FromDays(1);

    private readonly string _path = Path.Combine(dataDirectory, "sessions.json");
    private readonly Lock _lock = new();
    private SessionsDocument? _document;

    /// <summary>The session with access key <paramref name="accessKeyId"/>, or null.</summary>
    public SessionRecord? Find(string accessKeyId)
    {
        lock (_lock)
            return Document.Sessions.Find(session => session.AccessKeyId == accessKeyId);
    }

    /// <summary>Issues and stores new temporary credentials for <paramref name="roleName"/> in <paramref name="accountId"/>.</summary>
    public SessionRecord Issue(string accountId, string roleName, string sessionName, TimeSpan duration)
    {
        lock (_lock)
        {
            var document = Document;
            var roleKey = $"{accountId}:{roleName}";
            if (!document.RoleIds.TryGetValue(roleKey, out var roleId))
                document.RoleIds[roleKey] = roleId = SecretGenerator.UniqueId("AROA");
            var now = clock.GetUtcNow();
            var session = new SessionRecord
            {
                AccessKeyId = SecretGenerator.AccessKeyId("ASIA"),
                SecretAccessKey = SecretGenerator.SecretAccessKey(),
                SessionToken = SecretGenerator.Token(96),
                AccountId = accountId,
                RoleName = roleName,
                SessionName = sessionName,
                RoleId = roleId,
                // AWS states expiry to the second.
                Expiration = DateTimeOffset.FromUnixTimeSeconds((now + duration).ToUnixTimeSeconds()),
            };
            document.Sessions.RemoveAll(old => old.Expiration + KeepExpired < now);
            document.Sessions.Add(session);
            JsonStateFile.Write(_path, document);
            return session;
        }
    }

    private SessionsDocument Document => _document ??= JsonStateFile.Read<SessionsDocument>(_path) ?? new SessionsDocument();
}

using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Slipway.LocalAws.Server;
using Slipway.LocalAws.State;

namespace Slipway.LocalAws.Sts;

/// <summary>STS over the Query protocol: GetCallerIdentity, and AssumeRole into any role of any account the platform has (there is no IAM: every role exists and trusts every caller).</summary>
internal sealed partial class StsService(AccountStore accounts, SessionStore sessions) : IAwsQueryService
{
    private static readonly TimeSpan MinimumDuration = TimeSpan.FromSeconds(900);
    private static readonly TimeSpan MaximumDuration = TimeSpan.FromHours(12);
    private static readonly TimeSpan ChainedMaximumDuration = TimeSpan.FromHours(1);

    /// <inheritdoc />
    public string SigningName => "sts";

    /// <inheritdoc />
    public string Version => "2011-06-15";

    /// <inheritdoc />
    public XNamespace XmlNamespace => "https://sts.amazonaws.com/doc/2011-06-15/";

    /// <inheritdoc />
    public Task<XElement> HandleAsync(string action, IReadOnlyDictionary<string, string> parameters, CallContext context, CancellationToken cancellationToken) =>
        Task.FromResult(action switch
        {
            "GetCallerIdentity" => GetCallerIdentity(context),
            "AssumeRole" => AssumeRole(parameters, context),
            _ => throw new AwsErrorException("InvalidAction", $"Could not find operation {action} for version {Version}"),
        });

    private XElement GetCallerIdentity(CallContext context) =>
        Result("GetCallerIdentityResult",
            Element("Arn", context.Caller.Arn),
            Element("UserId", context.Caller.UserId),
            Element("Account", context.AccountId));

    private XElement AssumeRole(IReadOnlyDictionary<string, string> parameters, CallContext context)
    {
        var roleArn = Required(parameters, "RoleArn", "roleArn");
        var sessionName = Required(parameters, "RoleSessionName", "roleSessionName");
        var match = RoleArn().Match(roleArn);
        if (!match.Success)
            throw Validation($"Value '{roleArn}' at 'roleArn' failed to satisfy constraint: Member must be a role ARN such as arn:aws:iam::111111111111:role/deployer");
        if (!SessionName().IsMatch(sessionName))
            throw Validation($"Value '{sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must have length between 2 and 64 and match [\\w+=,.@-]*");

        var duration = Duration(parameters, context);
        var accountId = match.Groups["account"].Value;
        if (accounts.Find(accountId) is null)
        {
            throw new AwsErrorException("AccessDenied",
                $"User: {context.Caller.Arn} is not authorized to perform: sts:AssumeRole on resource: {roleArn} (account {accountId} does not exist on this platform)", 403);
        }

        // The session is named after the role's last path segment, as AWS does for roles with paths.
        var roleName = match.Groups["name"].Value.Split('/')[^1];
        var session = sessions.Issue(accountId, roleName, sessionName, duration);
        return Result("AssumeRoleResult",
            new XElement(XmlNamespace + "Credentials",
                Element("AccessKeyId", session.AccessKeyId),
                Element("SecretAccessKey", session.SecretAccessKey),
                Element("SessionToken", session.SessionToken),
                Element("Expiration", session.Expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))),
            new XElement(XmlNamespace + "AssumedRoleUser",
                Element("AssumedRoleId", $"{session.RoleId}:{session.SessionName}"),
                Element("Arn", session.Arn)),
            Element("PackedPolicySize", "0"));
    }

    private static TimeSpan Duration(IReadOnlyDictionary<string, string> parameters, CallContext context)
    {
        if (!parameters.TryGetValue("DurationSeconds", out var text))
            return TimeSpan.FromHours(1);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds < MinimumDuration.TotalSeconds || seconds > MaximumDuration.TotalSeconds)
            throw Validation($"Value '{text}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200");
        var duration = TimeSpan.FromSeconds(seconds);
        if (duration > ChainedMaximumDuration && context.Caller.AccessKeyId.StartsWith("ASIA", StringComparison.Ordinal))
            throw Validation("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        return duration;
    }

    private static string Required(IReadOnlyDictionary<string, string> parameters, string name, string member) =>
        parameters.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw Validation($"Value null at '{member}' failed to satisfy constraint: Member must not be null");

    private static AwsErrorException Validation(string message) =>
        new("ValidationError", message.StartsWith("Value", StringComparison.Ordinal) ? "1 validation error detected: " + message : message);

    private XElement Result(string name, params object[] content) => new(XmlNamespace + name, content);

    private XElement Element(string name, string value) => new(XmlNamespace + name, value);

    [GeneratedRegex(@"^arn:aws:iam::(?<account>[0-9]{12}):role/(?<name>[\w+=,.@/-]{1,512})$")]
    private static partial Regex RoleArn();

    [GeneratedRegex(@"^[\w+=,.@-]{2,64}$")]
    private static partial Regex SessionName();
}

namespace Slipway.LocalAws.Signing;

/// <summary>The parsed <c>Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...</c> header.</summary>
internal sealed record SigV4Authorization(
    string AccessKeyId,
    string ScopeDate,
    string Region,
    string Service,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The credential scope <c>date/region/service/aws4_request</c>.</summary>
    public string Scope => $"{ScopeDate}/{Region}/{Service}/aws4_request";

    /// <summary>Parses the header, or throws <see cref="AuthFailure"/> saying what is missing, in AWS's words.</summary>
    public static SigV4Authorization Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
            throw new AuthFailure(AuthFailureKind.MissingAuthentication, "Missing Authentication Token");
        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            throw new AuthFailure(AuthFailureKind.IncompleteSignature,
                $"Authorization header requires the '{Algorithm}' algorithm; got '{header.Split(' ')[0]}'.");
        }

        var fields = header[Algorithm.Length..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First()[1], StringComparer.Ordinal);
        var credential = Required(fields, "Credential").Split('/');
        var signedHeaders = Required(fields, "SignedHeaders");
        var signature = Required(fields, "Signature");
        if (credential.Length != 5 || credential[4] != "aws4_request" || credential.Any(string.IsNullOrEmpty))
        {
            throw new AuthFailure(AuthFailureKind.IncompleteSignature,
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term.");
        }

        return new SigV4Authorization(credential[0], credential[1], credential[2], credential[3],
            signedHeaders.Split(';', StringSplitOptions.RemoveEmptyEntries), signature);
    }

    private static string Required(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new AuthFailure(AuthFailureKind.IncompleteSignature,
                $"Authorization header requires '{name}' parameter.");
}

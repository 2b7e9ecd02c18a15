using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Slipway.Containers.Registry;

public sealed partial class RegistryClient
{
    // Basic auth applies registry-wide; bearer tokens are per repository scope.
    AuthenticationHeaderValue? _basic;
    readonly ConcurrentDictionary<string, AuthenticationHeaderValue> _bearerTokens = new();

    async Task<HttpResponseMessage> SendAuthenticatedAsync(Func<HttpRequestMessage> create, string repository, string what,
        HttpCompletionOption completion, string? extraScope, CancellationToken cancellationToken)
    {
        var scopeKey = repository + "|" + extraScope;
        var (response, sentAuthorization) = await SendOnceAsync(create, scopeKey, completion, cancellationToken);
        var challenge = response.Headers.WwwAuthenticate.FirstOrDefault();
        // Credentials already sent and refused: report, unless it was a cached bearer token that may have expired.
        var isBasic = challenge?.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) == true;
        if (response.StatusCode != HttpStatusCode.Unauthorized || challenge is null || _credentials is null && isBasic
            || sentAuthorization && (isBasic || !_bearerTokens.TryRemove(scopeKey, out _)))
            return response;
        response.Dispose();

        if (isBasic)
            _basic = BasicHeader(_credentials!);
        else if (challenge.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            _bearerTokens[scopeKey] = await FetchTokenAsync(challenge.Parameter ?? "", repository, extraScope, what, cancellationToken);
        else
            throw new RegistryException($"Registry '{Registry}' asks for '{challenge.Scheme}' authentication, which is not supported; expected Basic or Bearer.");
        return (await SendOnceAsync(create, scopeKey, completion, cancellationToken)).Response;
    }

    async Task<(HttpResponseMessage Response, bool SentAuthorization)> SendOnceAsync(Func<HttpRequestMessage> create, string scopeKey,
        HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var request = create();
        request.Headers.Authorization = _bearerTokens.TryGetValue(scopeKey, out var bearer) ? bearer : _basic;
        return (await _http.SendAsync(request, completion, cancellationToken), request.Headers.Authorization is not null);
    }

    static AuthenticationHeaderValue BasicHeader(RegistryCredentials credentials) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")));

    async Task<AuthenticationHeaderValue> FetchTokenAsync(string challenge, string repository, string? extraScope, string what, CancellationToken cancellationToken)
    {
        var parameters = ChallengeParameter().Matches(challenge).ToDictionary(m => m.Groups[1].Value.ToLowerInvariant(), m => m.Groups[2].Value);
        if (!parameters.TryGetValue("realm", out var realm))
            throw new RegistryException($"Registry '{Registry}' sent a Bearer challenge without a realm for {what}.");
        var query = new List<string>();
        if (parameters.TryGetValue("service", out var service))
            query.Add("service=" + Uri.EscapeDataString(service));
        query.Add("scope=" + Uri.EscapeDataString(parameters.GetValueOrDefault("scope") ?? $"repository:{repository}:pull,push"));
        if (extraScope is not null)
            query.Add("scope=" + Uri.EscapeDataString(extraScope));
        var uri = new UriBuilder(realm) { Query = string.Join('&', query) }.Uri;

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (_credentials is not null)
            request.Headers.Authorization = BasicHeader(_credentials);
        using var response = await _http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new RegistryException(
                $"Registry '{Registry}' token service '{realm}' refused {(_credentials is null ? "anonymous access" : $"user '{_credentials.Username}'")} for {what}: HTTP {(int)response.StatusCode}.",
                response.StatusCode, "UNAUTHORIZED");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var root = document.RootElement;
        var token = root.TryGetProperty("token", out var t) ? t.GetString() : root.TryGetProperty("access_token", out var a) ? a.GetString() : null;
        return token is null
            ? throw new RegistryException($"Registry '{Registry}' token service '{realm}' answered without a token.")
            : new AuthenticationHeaderValue("Bearer", token);
    }

    // An auth-param name is an HTTP token: ASCII (.NET's \w would also take Unicode letters).
    [GeneratedRegex("([A-Za-z0-9_-]+)=\"([^\"]*)\"")]
    private static partial Regex ChallengeParameter();
}

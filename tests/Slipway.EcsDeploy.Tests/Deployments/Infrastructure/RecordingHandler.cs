using System.Text.Json.Nodes;

namespace Slipway.EcsDeploy.Tests.Deployments.Infrastructure;

/// <summary>
/// Passes requests on and records each one's operation (the X-Amz-Target after the service prefix) and body, so a test can assert which
/// calls a verb sent (a dry run: only Describe and List) and what it sent. Also linked into Slipway.Components.Tests.
/// </summary>
public sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly List<(string Operation, string Body)> _calls = [];

    /// <summary>The operations sent, in order; a request without X-Amz-Target is recorded as its method and path.</summary>
    public IReadOnlyList<string> Operations
    {
        get
        {
            lock (_calls)
                return _calls.Select(c => c.Operation).ToList();
        }
    }

    /// <summary>The JSON body of the last call to <paramref name="operation"/>.</summary>
    public JsonObject LastBody(string operation)
    {
        lock (_calls)
            return (JsonObject)JsonNode.Parse(_calls.Last(c => c.Operation == operation).Body)!;
    }

    /// <summary>Forgets the calls recorded so far (e.g. a test's own setup calls).</summary>
    public void Clear()
    {
        lock (_calls)
            _calls.Clear();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = request.Headers.TryGetValues("X-Amz-Target", out var values) && values.Single() is var target
            ? target[(target.LastIndexOf('.') + 1)..]
            : $"{request.Method} {request.RequestUri!.AbsolutePath}";
        var body = request.Content is null ? "{}" : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (_calls)
            _calls.Add((operation, body));
        return await base.SendAsync(request, cancellationToken);
    }
}

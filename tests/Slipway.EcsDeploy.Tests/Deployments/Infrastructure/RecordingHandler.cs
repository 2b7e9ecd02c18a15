namespace Slipway.EcsDeploy.Tests.Deployments.Infrastructure;

/// <summary>Sends requests on and records each one's operation (the X-Amz-Target after the dot), to prove a dry run changes nothing.</summary>
public sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly List<string> _operations = [];

    public IReadOnlyList<string> Operations
    {
        get
        {
            lock (_operations)
                return [.. _operations];
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.Single() : "(none)";
        lock (_operations)
            _operations.Add(target[(target.LastIndexOf('.') + 1)..]);
        return base.SendAsync(request, cancellationToken);
    }
}

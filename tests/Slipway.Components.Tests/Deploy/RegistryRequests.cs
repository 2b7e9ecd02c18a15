using System.Diagnostics;

namespace Slipway.Components.Tests.Deploy;

/// <summary>
/// Records the requests this process sends to one registry (host:port) and their answers, from .NET's own "System.Net.Http" activities:
/// the components give their registry client no handler to record with, and the local platform keeps no request log. Tests running at the
/// same time talk to their own platforms' ports, so they are not counted.
/// </summary>
public sealed class RegistryRequests : IDisposable
{
    private readonly string _authority;
    private readonly ActivityListener _listener;
    private readonly List<(string Method, string Path, int Status)> _requests = [];

    public RegistryRequests(string authority)
    {
        _authority = authority;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>
    /// How many times the manifest of <paramref name="repository"/>:<paramref name="tag"/> was looked up with HEAD, counting answered requests only
    /// (a registry client's first request is refused with 401 and sent again with credentials: one lookup).
    /// </summary>
    public int ManifestLookups(string repository, string tag)
    {
        lock (_requests)
            return _requests.Count(r => r.Method == "HEAD" && r.Path == $"/v2/{repository}/manifests/{tag}" && r.Status != 401);
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Activity activity)
    {
        if (activity.GetTagItem("url.full") is not string url || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Authority != _authority)
            return;
        var status = activity.GetTagItem("http.response.status_code") is int code ? code : 0;
        lock (_requests)
            _requests.Add(((string)activity.GetTagItem("http.request.method")!, uri.AbsolutePath, status));
    }
}

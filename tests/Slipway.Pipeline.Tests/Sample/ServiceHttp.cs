using Slipway.Aws.Ecs;

namespace Slipway.Pipeline.Tests.Sample;

/// <summary>
/// Asks a service on the local platform over HTTP: its tasks get dynamic host ports on 127.0.0.1, so the address is that of a
/// RUNNING task of the PRIMARY revision (<see cref="EcsServiceEndpoint.FindAsync"/>), looked up again on every try.
/// </summary>
public static class ServiceHttp
{
    /// <summary>
    /// What the sample's container <c>web</c> in <paramref name="service"/> answers at <c>/{path}</c>, trimmed; retried for
    /// <paramref name="patience"/> while no task of the primary revision runs or its server starts; null when nothing answered.
    /// </summary>
    public static async Task<string?> GetAsync(EcsClient ecs, string? cluster, string service, string path, TimeSpan patience)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            try
            {
                if (await EcsServiceEndpoint.FindAsync(ecs, cluster, service, "web") is { } endpoint)
                    return (await http.GetStringAsync(new Uri(endpoint.Url, path))).Trim();
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // the server is starting, or the task just stopped: ask again
            }

            if (DateTime.UtcNow > deadline)
                return null;
            await Task.Delay(100);
        }
    }
}

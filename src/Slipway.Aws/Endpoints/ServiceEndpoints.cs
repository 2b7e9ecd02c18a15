using Amazon;

namespace Slipway.Aws.Endpoints;

/// <summary>Service endpoint URLs: the regional AWS host, or a validated override such as the local platform's.</summary>
public static class ServiceEndpoints
{
    /// <summary>The override if given, else https://{prefix}.{region}.{partition DNS suffix}/ (amazonaws.com, amazonaws.com.cn, ...).</summary>
    public static Uri Resolve(AwsService service, RegionEndpoint region, string? serviceUrl) => serviceUrl is null
        ? new Uri($"https://{service.EndpointPrefix}.{region.SystemName}.{region.PartitionDnsSuffix}/")
        : ParseOverride(serviceUrl, "ServiceUrl");

    /// <summary>Parses an endpoint override, or explains what a valid one looks like.</summary>
    public static Uri ParseOverride(string url, string option)
    {
        var problem = Problem(url, out var uri);
        if (problem is not null)
            throw new AwsConfigurationException(
                $"Endpoint URL '{url}' ({option}) is not valid: {problem}. Use a URL such as 'http://127.0.0.1:4566'.");
        return uri!;
    }

    private static string? Problem(string url, out Uri? uri)
    {
        uri = null;
        // "localhost:4566" parses with scheme "localhost", and "/x" as a file URI: require "scheme://"
        if (!url.Contains("://", StringComparison.Ordinal) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out uri))
            return "it is not an absolute URL";
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            return $"the scheme must be http or https, not '{uri.Scheme}'";
        if (string.IsNullOrEmpty(uri.Host))
            return "it has no host";
        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
            return "it must not carry a query, fragment or user name";
        return null;
    }
}

using System.Net;
using System.Text;

namespace Slipway.Containers.Tests.Infrastructure;

/// <summary>
/// Stands in for another process winning a race to a release tag: on the first PUT of the tag's manifest it runs the rival's push,
/// then refuses the PUT as ECR refuses to overwrite an immutable tag.
/// </summary>
public sealed class TagRaceHandler(string tag, Func<Task> rival) : DelegatingHandler(new HttpClientHandler())
{
    int _refused;

    /// <summary>How many tag PUTs were refused (at most one).</summary>
    public int Refused => _refused;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Put || !request.RequestUri!.AbsolutePath.EndsWith("/manifests/" + tag, StringComparison.Ordinal)
            || Interlocked.Exchange(ref _refused, 1) == 1)
            return await base.SendAsync(request, cancellationToken);
        await rival();
        var body = $$"""{"errors":[{"code":"TAG_INVALID","message":"The image tag '{{tag}}' already exists and cannot be overwritten because the tag is immutable."}]}""";
        return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}

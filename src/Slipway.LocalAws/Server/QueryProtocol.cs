using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Slipway.LocalAws.Signing;

namespace Slipway.LocalAws.Server;

/// <summary>The AWS Query protocol: form-encoded parameters, routed by the signing name in the credential scope, answered in XML.</summary>
internal sealed class QueryProtocol(IReadOnlyList<IAwsQueryService> services, SigV4Verifier verifier, string region)
{
    // Global endpoints (sts.amazonaws.com) are signed for us-east-1 whatever the platform's region.
    private readonly string[] _regions = [region, "us-east-1"];

    /// <summary>Answers one Query request with <c>&lt;{Action}Response&gt;</c> or <c>&lt;ErrorResponse&gt;</c>.</summary>
    public async Task HandleAsync(HttpContext http, SignedRequest request, string requestId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var service = Route(request);
        XElement response;
        try
        {
            var parameters = Parameters(request);
            var action = parameters.GetValueOrDefault("Action")
                ?? throw new AwsErrorException("MissingAction", "The request must contain the parameter Action.");
            if (parameters.GetValueOrDefault("Version") is { } version && version != service.Version)
                throw new AwsErrorException("InvalidAction", $"Could not find operation {action} for version {version}");
            AwsPrincipal caller;
            try
            {
                caller = verifier.Verify(request, service.SigningName, _regions);
            }
            catch (AuthFailure failure)
            {
                throw AuthErrorCodes.ForQuery(failure);
            }

            var result = await service.HandleAsync(action, parameters, new CallContext(requestId, caller, region, now), cancellationToken);
            var ns = service.XmlNamespace;
            response = new XElement(ns + $"{action}Response", result,
                new XElement(ns + "ResponseMetadata", new XElement(ns + "RequestId", requestId)));
            http.Response.StatusCode = 200;
        }
        catch (AwsErrorException error)
        {
            response = Error(service.XmlNamespace, error, requestId);
            http.Response.StatusCode = error.StatusCode;
        }

        http.Response.ContentType = "text/xml";
        await http.Response.WriteAsync(response.ToString(SaveOptions.DisableFormatting), Encoding.UTF8, cancellationToken);
    }

    /// <summary>The <c>&lt;ErrorResponse&gt;</c> document for <paramref name="error"/>.</summary>
    public static XElement Error(XNamespace ns, AwsErrorException error, string requestId) =>
        new(ns + "ErrorResponse",
            new XElement(ns + "Error",
                new XElement(ns + "Type", error.IsSenderFault ? "Sender" : "Receiver"),
                new XElement(ns + "Code", error.Code),
                new XElement(ns + "Message", error.Message)),
            new XElement(ns + "RequestId", requestId));

    private IAwsQueryService Route(SignedRequest request)
    {
        try
        {
            var scoped = SigV4Authorization.Parse(request.Header("authorization")).Service;
            return services.FirstOrDefault(service => service.SigningName == scoped) ?? services[0];
        }
        catch (AuthFailure)
        {
            return services[0];
        }
    }

    private static Dictionary<string, string> Parameters(SignedRequest request)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in QueryHelpers.ParseQuery(request.RawQuery))
            parameters[name] = values.ToString();
        if (request.Method == "POST")
        {
            foreach (var (name, values) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(request.Body.Span)))
                parameters[name] = values.ToString();
        }

        return parameters;
    }
}

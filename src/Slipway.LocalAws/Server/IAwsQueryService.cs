using System.Xml.Linq;

namespace Slipway.LocalAws.Server;

/// <summary>A service spoken over the AWS Query protocol: form-encoded <c>Action=...&amp;Version=...</c>, XML responses.</summary>
internal interface IAwsQueryService
{
    /// <summary>The SigV4 signing name, such as <c>sts</c>; Query requests are routed by the signing name in their credential scope.</summary>
    string SigningName { get; }

    /// <summary>The API version the service speaks, such as <c>2011-06-15</c>.</summary>
    string Version { get; }

    /// <summary>The XML namespace of responses and errors.</summary>
    XNamespace XmlNamespace { get; }

    /// <summary>Runs <paramref name="action"/> and returns its <c>{Action}Result</c> element, or throws <see cref="AwsErrorException"/>.</summary>
    Task<XElement> HandleAsync(string action, IReadOnlyDictionary<string, string> parameters, CallContext context, CancellationToken cancellationToken);
}

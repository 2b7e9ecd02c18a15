using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Slipway.Aws;

/// <summary>Reads AWS JSON 1.1 error responses: the code from "__type" (or x-amzn-ErrorType), the message from "message" or "Message".</summary>
internal static class AwsErrorParser
{
    public static AwsErrorResponse Parse(int statusCode, ReadOnlySpan<byte> body, HttpResponseHeaders headers, string service, string operation)
    {
        var (code, message) = ReadBody(body);
        code ??= Header(headers, "x-amzn-ErrorType") is { } header ? NormalizeCode(header) : null;
        if (string.IsNullOrEmpty(code))
            code = AwsServiceException.CodeForStatus(statusCode);
        message ??= body.IsEmpty
            ? $"HTTP {statusCode} with no error body"
            : $"HTTP {statusCode}: {Truncate(Encoding.UTF8.GetString(body))}";
        return new AwsErrorResponse(code, message, statusCode, RequestId(headers), service, operation);
    }

    /// <summary>"aws.protocoltests#FooError:http://internal.amazon.com/" becomes "FooError".</summary>
    public static string NormalizeCode(string type)
    {
        var code = type[(type.LastIndexOf('#') + 1)..];
        var colon = code.IndexOf(':');
        return (colon >= 0 ? code[..colon] : code).Trim();
    }

    public static string? RequestId(HttpResponseHeaders headers) =>
        Header(headers, "x-amzn-RequestId") ?? Header(headers, "x-amz-request-id");

    private static (string? Code, string? Message) ReadBody(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
            return (null, null);
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, null);
            var root = document.RootElement;
            var type = String(root, "__type") ?? String(root, "code") ?? String(root, "Code");
            var message = String(root, "message") ?? String(root, "Message") ?? String(root, "errorMessage");
            return (type is null ? null : NormalizeCode(type), message);
        }
        catch (JsonException)
        {
            return (null, null); // a proxy's HTML page, say: the status and raw text say more than nothing
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "...";
}

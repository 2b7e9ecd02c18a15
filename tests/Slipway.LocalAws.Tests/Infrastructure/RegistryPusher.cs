using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Slipway.LocalAws.Tests.Infrastructure;

/// <summary>Pushes and reads images over the registry HTTP API with the Basic credentials from an ECR authorization token, as <c>docker push</c> does.</summary>
public sealed class RegistryPusher : IDisposable
{
    private readonly HttpClient _http;

    public RegistryPusher(Uri registry, string authorizationToken)
    {
        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorizationToken));
        _http = new HttpClient { BaseAddress = registry };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        Password = pair[(pair.IndexOf(':') + 1)..];
    }

    /// <summary>The password half of the token.</summary>
    public string Password { get; }

    /// <summary>A pusher signed in with the token GetAuthorizationToken returns for <paramref name="ecr"/>'s account.</summary>
    public static async Task<RegistryPusher> SignInAsync(AwsJsonClient ecr)
    {
        var data = (await ecr.InvokeAsync("GetAuthorizationToken"))["authorizationData"]![0]!;
        return new RegistryPusher(new Uri((string)data["proxyEndpoint"]!), (string)data["authorizationToken"]!);
    }

    /// <summary>Uploads the config and layer of <paramref name="image"/>, then its manifest under <paramref name="tag"/>; returns the manifest response.</summary>
    public async Task<HttpResponseMessage> PushAsync(string repository, TestImage image, string tag)
    {
        await UploadBlobAsync(repository, image.Config);
        await UploadBlobAsync(repository, image.Layer);
        return await PutManifestAsync(repository, tag, image.Manifest);
    }

    /// <summary>Starts a blob upload; the response carries its location.</summary>
    public Task<HttpResponseMessage> StartUploadAsync(string repository) => _http.PostAsync($"/v2/{repository}/blobs/uploads/", null);

    /// <summary>A monolithic blob upload: POST to start, PUT with the digest to finish.</summary>
    public async Task UploadBlobAsync(string repository, byte[] blob)
    {
        using var start = await StartUploadAsync(repository);
        Assert.True(start.StatusCode == HttpStatusCode.Accepted, $"Starting an upload to '{repository}' answered {start.StatusCode}: {await start.Content.ReadAsStringAsync()}");
        var location = start.Headers.Location!.ToString();
        var separator = location.Contains('?') ? '&' : '?';
        using var content = new ByteArrayContent(blob);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var finish = await _http.PutAsync($"{location}{separator}digest={Uri.EscapeDataString(TestImage.Digest(blob))}", content);
        Assert.True(finish.StatusCode == HttpStatusCode.Created, $"Finishing an upload answered {finish.StatusCode}: {await finish.Content.ReadAsStringAsync()}");
    }

    public async Task<HttpResponseMessage> PutManifestAsync(string repository, string reference, byte[] manifest, string mediaType = TestImage.MediaType)
    {
        var content = new ByteArrayContent(manifest);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return await _http.PutAsync($"/v2/{repository}/manifests/{reference}", content);
    }

    /// <summary>The manifest bytes the registry serves for <paramref name="reference"/>.</summary>
    public async Task<byte[]> GetManifestAsync(string repository, string reference)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v2/{repository}/manifests/{reference}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(TestImage.MediaType));
        using var response = await _http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"GET manifest '{reference}' answered {response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    public Task<HttpResponseMessage> DeleteManifestAsync(string repository, string reference) =>
        _http.DeleteAsync($"/v2/{repository}/manifests/{reference}");

    /// <summary>The registry error code in a failed response's <c>{"errors": [...]}</c> body.</summary>
    public static async Task<string?> ErrorCodeAsync(HttpResponseMessage response) =>
        (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())?["errors"]?[0]?["code"];

    public void Dispose() => _http.Dispose();
}

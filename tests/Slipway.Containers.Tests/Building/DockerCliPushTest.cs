using System.Net.Http.Headers;
using System.Text;
using Slipway.Containers.Building;
using Slipway.Containers.References;
using Slipway.Containers.Tests.Infrastructure;
using Slipway.Tooling;

namespace Slipway.Containers.Tests.Building;

public sealed class DockerCliPushTest : IAsyncLifetime
{
    readonly CapturedOutput _output = new();
    readonly DockerCli _cli = new();
    readonly string _dockerConfig = Directory.CreateTempSubdirectory("slipway-docker-config-").FullName;
    LocalRegistry _registry = null!;
    string _context = null!;
    string? _imageId;

    public async Task InitializeAsync()
    {
        DockerTestEngine.Require();
        _registry = await LocalRegistry.StartAsync();
        // A label of its own, first: no step of this build is then another test's cached step, which Docker 20.10's classic
        // builder fails on when that test removes its image mid-build ("failed to get digest").
        _context = DockerTestEngine.CreateContext($"FROM scratch\nLABEL slipway.test.run={Guid.NewGuid():N}\nCOPY busybox /bin/busybox\n");
    }

    public async Task DisposeAsync()
    {
        if (_imageId is not null)
            await ToolRunner.RunAsync(new ToolInvocation("docker", "image", "rm", "--force", _imageId) { CheckExitCode = false });
        if (_registry is not null)
            await _registry.DisposeAsync();
        Directory.Delete(_dockerConfig, recursive: true);
        if (_context is not null)
            Directory.Delete(_context, recursive: true);
    }

    [Fact]
    public async Task TestLoginAndPush_ReturnsTheRegistryDigestWithoutShowingThePassword()
    {
        var local = ImageReference.Parse($"slipway-test/push-{Guid.NewGuid():N}:build");
        var build = await new DockerBuilder(_cli).BuildAsync(new DockerBuildRequest(_context) { Tags = [local] }, _output);
        _imageId = build.ImageId;
        var remote = ImageReference.Parse($"{_registry.Host}/slipway/app:1.0.0");
        await _cli.TagAsync(build.ImageId, remote, _output);

        await _cli.LoginAsync(_registry.Host, LocalRegistry.User, LocalRegistry.Password, _dockerConfig, _output);
        var digest = await _cli.PushAsync(remote, _dockerConfig, _output);

        Assert.Equal(await RegistryDigestAsync("slipway/app", "1.0.0"), digest);
        Assert.Contains(_output.Commands, command => command.Contains("--password-stdin"));
        Assert.DoesNotContain(_output.Commands, command => command.Contains(LocalRegistry.Password));
        Assert.DoesNotContain(_output.Lines, line => line.Contains(LocalRegistry.Password));
        var config = await File.ReadAllTextAsync(Path.Combine(_dockerConfig, "config.json"));
        Assert.Contains(_registry.Host, config);
        Assert.Contains(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{LocalRegistry.User}:{LocalRegistry.Password}")), config);

        await _cli.RemoveImageAsync(remote.ToString(), _output);
        Assert.False(await _cli.ImageExistsAsync(remote.ToString(), _output));
        Assert.True(await _cli.ImageExistsAsync(local.ToString(), _output));
    }

    [Fact]
    public async Task TestPush_WithoutLogin_FailsWithDockerLines()
    {
        var local = ImageReference.Parse($"slipway-test/push-{Guid.NewGuid():N}:build");
        var build = await new DockerBuilder(_cli).BuildAsync(new DockerBuildRequest(_context) { Tags = [local] }, _output);
        _imageId = build.ImageId;
        var remote = ImageReference.Parse($"{_registry.Host}/slipway/denied:1.0.0");
        await _cli.TagAsync(build.ImageId, remote, _output);

        var error = await Assert.ThrowsAsync<ToolFailedException>(() => _cli.PushAsync(remote, _dockerConfig, _output));

        Assert.True(error.Message.Contains("no basic auth credentials", StringComparison.OrdinalIgnoreCase), error.Message);
    }

    async Task<string> RegistryDigestAsync(string repository, string tag)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, $"http://{_registry.Host}/v2/{repository}/manifests/{tag}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{LocalRegistry.User}:{LocalRegistry.Password}")));
        request.Headers.Accept.ParseAdd("application/vnd.docker.distribution.manifest.v2+json");
        request.Headers.Accept.ParseAdd("application/vnd.oci.image.manifest.v1+json");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Docker-Content-Digest").Single();
    }
}

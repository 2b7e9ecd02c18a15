using System.Text.Json;
using Slipway.Containers.Building;
using Slipway.Containers.References;
using Slipway.Tooling;

namespace Slipway.Containers.Tests.Building;

public sealed class DockerBuilderTest : IAsyncLifetime
{
    const string Dockerfile = """
        FROM scratch AS base
        ARG RUN_ID=none
        LABEL slipway.test.run=$RUN_ID
        COPY busybox /bin/busybox
        ARG GREETING=unset
        LABEL greeting=$GREETING
        RUN ["/bin/busybox", "sh", "-c", "echo $GREETING > /greeting"]

        FROM base AS app
        LABEL stage=app

        FROM base AS broken
        RUN ["/bin/busybox", "false"]
        """;

    readonly List<string> _context = [];
    readonly List<string> _images = [];
    readonly CapturedOutput _output = new();
    readonly DockerBuilder _builder = new();
    readonly string _runId = Guid.NewGuid().ToString("N");

    public Task InitializeAsync()
    {
        DockerTestEngine.Require();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var image in _images)
            await ToolRunner.RunAsync(new ToolInvocation("docker", "image", "rm", "--force", image) { CheckExitCode = false });
        // Failed builds leave their finished steps behind as untagged images carrying this run's label.
        await ToolRunner.RunAsync(new ToolInvocation("docker", "image", "prune", "--force", "--filter", $"label=slipway.test.run={_runId}") { CheckExitCode = false });
        foreach (var folder in _context)
            Directory.Delete(folder, recursive: true);
    }

    string Context(string dockerfile)
    {
        var folder = DockerTestEngine.CreateContext(dockerfile);
        _context.Add(folder);
        return folder;
    }

    [Fact]
    public async Task TestBuild_TargetStageLabelsArgsAndTags()
    {
        var name = $"slipway-test/build-{Guid.NewGuid():N}";
        var tags = new[] { ImageReference.Parse(name + ":1.2.3"), ImageReference.Parse(name + ":latest") };
        var revision = new string('a', 40);
        var created = new DateTimeOffset(2026, 11, 22, 3, 4, 5, TimeSpan.FromHours(2));
        var request = new DockerBuildRequest(Context(Dockerfile))
        {
            Target = "app",
            BuildArgs = new Dictionary<string, string> { ["GREETING"] = "hello-slipway", ["RUN_ID"] = _runId },
            Labels = new Dictionary<string, string> { ["team"] = "platform" },
            Tags = tags,
            Version = "1.2.3",
            Revision = revision,
            Source = new Uri("https://example.invalid/slipway.git"),
            Created = created,
        };

        var result = await _builder.BuildAsync(request, _output);
        _images.Add(result.ImageId);

        var inspected = (await ToolRunner.RunAsync(new ToolInvocation("docker", "image", "inspect", "--format", "{{.Id}}", tags[0].ToString()))).Text;
        Assert.Equal(inspected, result.ImageId);
        Assert.StartsWith("sha256:", result.ImageId);
        Assert.Equal(tags, result.Tags);
        Assert.Equal(await _builder.DetectAsync(_output), result.Builder);
        Assert.True(result.Duration > TimeSpan.Zero);

        var labels = await _builder.Cli.InspectLabelsAsync(result.ImageId, _output);
        Assert.Equal("1.2.3", labels["org.opencontainers.image.version"]);
        Assert.Equal(revision, labels["org.opencontainers.image.revision"]);
        Assert.Equal("https://example.invalid/slipway.git", labels["org.opencontainers.image.source"]);
        Assert.Equal("2026-11-22T01:04:05Z", labels["org.opencontainers.image.created"]);
        Assert.Equal("platform", labels["team"]);
        Assert.Equal("hello-slipway", labels["greeting"]);
        Assert.Equal("app", labels["stage"]);

        var repoTags = JsonSerializer.Deserialize<string[]>(
            (await ToolRunner.RunAsync(new ToolInvocation("docker", "image", "inspect", "--format", "{{json .RepoTags}}", result.ImageId))).Text)!;
        Assert.Equal(tags.Select(tag => tag.ToString()).Order(), repoTags.Order());
        foreach (var tag in tags)
            Assert.True(await _builder.Cli.ImageExistsAsync(tag.ToString(), _output));
        Assert.Contains(_output.Commands, command => command.Contains("--iidfile") && command.Contains("--target app"));
    }

    [Fact]
    public async Task TestBuild_BrokenDockerfile_FailsWithDockerErrorLine()
    {
        var request = new DockerBuildRequest(Context("FROM scratch\nNOTANINSTRUCTION foo\n"));

        var error = await Assert.ThrowsAsync<ToolFailedException>(() => _builder.BuildAsync(request, _output));

        Assert.Contains("unknown instruction", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(error.Tail, line => line.Contains("NOTANINSTRUCTION", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TestBuild_FailingStep_FailsWithDockerErrorLine()
    {
        var request = new DockerBuildRequest(Context(Dockerfile))
        {
            Target = "broken",
            BuildArgs = new Dictionary<string, string> { ["RUN_ID"] = _runId },
        };

        var error = await Assert.ThrowsAsync<ToolFailedException>(() => _builder.BuildAsync(request, _output));

        Assert.Contains("returned a non-zero code", error.Message);
    }

    [Fact]
    public async Task TestBuild_MissingContext_NamesThePath()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"slipway-missing-{Guid.NewGuid():N}");

        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => _builder.BuildAsync(new DockerBuildRequest(missing), _output));

        Assert.Contains($"'{missing}'", error.Message);
        Assert.Empty(_output.Commands);
    }

    [Fact]
    public async Task TestBuild_MissingDockerfile_NamesThePath()
    {
        var context = Context(Dockerfile);
        var dockerfile = Path.Combine(context, "Release.Dockerfile");

        var error = await Assert.ThrowsAsync<FileNotFoundException>(
            () => _builder.BuildAsync(new DockerBuildRequest(context) { Dockerfile = dockerfile }, _output));

        Assert.Contains($"'{dockerfile}'", error.Message);
        Assert.Empty(_output.Commands);
    }

    [Fact]
    public async Task TestBuild_ContextWithoutDockerfile_NamesTheDefaultPath()
    {
        var context = Context(Dockerfile);
        File.Delete(Path.Combine(context, "Dockerfile"));

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => _builder.BuildAsync(new DockerBuildRequest(context), _output));

        Assert.Contains($"'{Path.Combine(context, "Dockerfile")}'", error.Message);
    }

    [Fact]
    public async Task TestBuild_DeadDockerHost_SaysWhichHostAndHowToStartOne()
    {
        var builder = new DockerBuilder(new DockerCli(new Dictionary<string, string?> { ["DOCKER_HOST"] = "unix:///tmp/nope.sock", ["CODEBUILD_BUILD_ID"] = null }));

        var error = await Assert.ThrowsAsync<DockerEngineUnavailableException>(
            () => builder.BuildAsync(new DockerBuildRequest(Context(Dockerfile)), _output));

        Assert.Contains("DOCKER_HOST 'unix:///tmp/nope.sock'", error.Message);
        Assert.Contains("dockerd", error.Message);
        Assert.Equal("unix:///tmp/nope.sock", error.DockerHost);
    }

    [Fact]
    public async Task TestBuild_NoEngineOnCodeBuild_SaysTheProjectNeedsPrivilegedModeAndHowToEnableIt()
    {
        var builder = new DockerBuilder(new DockerCli(new Dictionary<string, string?>
        {
            ["DOCKER_HOST"] = "unix:///tmp/nope.sock", ["CODEBUILD_BUILD_ID"] = "orders-feature:4c1d2f0e-9b7a-4e55-8a34-0c0ffee00001",
        }));

        var error = await Assert.ThrowsAsync<DockerEngineUnavailableException>(
            () => builder.BuildAsync(new DockerBuildRequest(Context(Dockerfile)), _output));

        Assert.Contains("CodeBuild project 'orders-feature' runs without privileged mode", error.Message);
        Assert.Contains("PrivilegedMode: true", error.Message);
        Assert.DoesNotContain("systemctl", error.Message);
    }

    [Theory]
    [InlineData(DockerBuilderKind.Classic)]
    [InlineData(DockerBuilderKind.BuildKit)]
    public async Task TestDetect_APinnedKindIsUsedWhateverTheCliHas(DockerBuilderKind kind)
    {
        Assert.Equal(kind, await new DockerBuilder(kind: kind).DetectAsync(_output));
    }

    [Fact]
    public async Task TestBuild_SecretsWithClassicBuilder_RefusedWithoutLeaking()
    {
        // Pinned, so the refusal is checked on every machine, with or without buildx.
        var classic = new DockerBuilder(kind: DockerBuilderKind.Classic);
        Assert.Equal(DockerBuilderKind.Classic, await classic.DetectAsync(_output));
        var request = new DockerBuildRequest(Context(Dockerfile)) { Secrets = [new DockerBuildSecret("npm", "top-secret-value")] };

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => classic.BuildAsync(request, _output));

        Assert.Contains("'npm'", error.Message);
        Assert.DoesNotContain("top-secret-value", error.Message);
        Assert.DoesNotContain("top-secret-value", request.ToString());
    }

    [Fact]
    public async Task TestBuild_ShortRevision_Refused()
    {
        var request = new DockerBuildRequest(Context(Dockerfile)) { Revision = "abc1234" };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _builder.BuildAsync(request, _output));

        Assert.Contains("'abc1234'", error.Message);
    }
}

using Slipway.Containers.Building;
using Slipway.Containers.References;

namespace Slipway.Containers.Tests.Building;

/// <summary>The command lines for both builders, BuildKit included, which this machine cannot run.</summary>
public sealed class DockerBuildCommandTest
{
    static readonly DockerBuildRequest Request = new("/src/app")
    {
        Target = "runtime",
        Platform = "linux/arm64",
        BuildArgs = new Dictionary<string, string> { ["CONFIGURATION"] = "Release" },
        CacheFrom = [ImageReference.Parse("registry.example/app:cache")],
        Tags = [ImageReference.Parse("registry.example/app:1.0.0")],
        Secrets = [new DockerBuildSecret("nuget", "very-secret-token")],
        Version = "1.0.0",
    };

    [Fact]
    public void TestCreate_BuildKit_LoadsAndPassesSecretsThroughTheEnvironment()
    {
        var invocation = DockerBuildCommand.Create(Request, DockerBuilderKind.BuildKit, "/tmp/id");

        Assert.Equal(["buildx", "build", "--load"], invocation.Arguments.Take(3));
        Assert.Equal("/src/app", invocation.Arguments[^1]);
        AssertPair(invocation.Arguments, "--file", "/src/app/Dockerfile");
        AssertPair(invocation.Arguments, "--iidfile", "/tmp/id");
        AssertPair(invocation.Arguments, "--target", "runtime");
        AssertPair(invocation.Arguments, "--platform", "linux/arm64");
        AssertPair(invocation.Arguments, "--build-arg", "CONFIGURATION=Release");
        AssertPair(invocation.Arguments, "--cache-from", "registry.example/app:cache");
        AssertPair(invocation.Arguments, "--tag", "registry.example/app:1.0.0");
        AssertPair(invocation.Arguments, "--label", "org.opencontainers.image.version=1.0.0");
        AssertPair(invocation.Arguments, "--secret", "id=nuget,env=SLIPWAY_BUILD_SECRET_0");
        Assert.Equal("very-secret-token", invocation.Environment["SLIPWAY_BUILD_SECRET_0"]);
        Assert.DoesNotContain(invocation.Arguments, argument => argument.Contains("very-secret-token"));
        Assert.Contains("very-secret-token", invocation.Secrets);
        Assert.False(invocation.Environment.ContainsKey("DOCKER_BUILDKIT"));
    }

    [Fact]
    public void TestCreate_Classic_TurnsBuildKitOffAndRemovesFailedContainers()
    {
        var invocation = DockerBuildCommand.Create(Request with { Secrets = [] }, DockerBuilderKind.Classic, "/tmp/id");

        Assert.Equal(["build", "--force-rm"], invocation.Arguments.Take(2));
        Assert.Equal("0", invocation.Environment["DOCKER_BUILDKIT"]);
        Assert.DoesNotContain("--secret", invocation.Arguments);
    }

    [Fact]
    public void TestEffectiveLabels_OciLabelsWinAndCreatedIsUtcRfc3339()
    {
        var request = new DockerBuildRequest("/src/app")
        {
            Labels = new Dictionary<string, string> { ["org.opencontainers.image.version"] = "stale", ["team"] = "platform" },
            Version = "2.0.0",
            Created = new DateTimeOffset(2026, 1, 2, 23, 30, 0, TimeSpan.FromHours(-5)),
        };

        var labels = request.EffectiveLabels();

        Assert.Equal("2.0.0", labels["org.opencontainers.image.version"]);
        Assert.Equal("2026-01-03T04:30:00Z", labels["org.opencontainers.image.created"]);
        Assert.Equal("platform", labels["team"]);
        Assert.False(labels.ContainsKey("org.opencontainers.image.revision"));
    }

    static void AssertPair(IReadOnlyList<string> arguments, string option, string value) =>
        Assert.Contains(Enumerable.Range(0, arguments.Count - 1), index => arguments[index] == option && arguments[index + 1] == value);
}

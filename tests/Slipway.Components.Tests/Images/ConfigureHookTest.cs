using Slipway.Containers.Building;
using Slipway.Containers.Ecr;

namespace Slipway.Components.Tests.Images;

/// <summary>A service build that changes the components' calls through their Configure hooks.</summary>
public class ConfiguredServiceBuild : ServiceBuild, IDockerBuild, IPushEcr
{
    Configure<DockerBuildRequest> IDockerBuild.DockerBuildSettings => _ => _ with
    {
        Labels = new Dictionary<string, string> { ["slipway.test.hook"] = "applied" },
    };

    Configure<EcrImagePushRequest> IPushEcr.PushEcrSettings => _ => _ with { Repository = _.Repository with { ScanOnPush = false } };
}

/// <summary>Configure hooks reach the domain call, on the real engine and the local platform.</summary>
public sealed class ConfigureHookTest : IAsyncLifetime
{
    readonly ServiceRepository _repository = new() { NewBuild = () => new ConfiguredServiceBuild() };

    public Task InitializeAsync()
    {
        _repository.Git("checkout", "-q", "-b", "develop");
        _repository.Commit("work");
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _repository.DisposeAsync().AsTask();

    [Fact]
    public async Task TestHooks_ChangeTheBuildAndThePush()
    {
        var (code, output, build) = _repository.Run("PushEcr");

        Assert.True(code == 0, output);
        var labels = await new DockerCli().InspectLabelsAsync(((IDockerBuild)build).BuiltImage!.ImageId, Tooling.ToolOutput.None);
        Assert.Equal("applied", labels["slipway.test.hook"]);
        Assert.Equal(_repository.Head, labels["org.opencontainers.image.revision"]);
        Assert.Matches(@"// Repository: created 127\.0\.0\.1:\d+/svc \(immutable tags, scan on push off\)", output);
    }
}

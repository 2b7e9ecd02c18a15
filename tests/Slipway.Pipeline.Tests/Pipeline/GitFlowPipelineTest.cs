using Slipway.Aws.Ecr;
using Slipway.LocalAws;
using Slipway.LocalAws.Tests.Ecs.Infrastructure;
using Slipway.Pipeline.Tests.GitFlow;
using Slipway.Pipeline.Tests.Sample;
using Xunit.Abstractions;

namespace Slipway.Pipeline.Tests.Pipeline;

/// <summary>
/// The git-flow pipeline end to end on the sample, with the targets that exist so far: a feature's image pushed, the feature
/// finished, a release candidate pushed and promoted to production. The steps still to come once their targets exist, in
/// this test's order: RegisterTaskDef + Deploy on each branch (asserting over HTTP what each environment serves), TagRelease
/// after the promotion, Deploy on main (the promoted image, no rebuild), then a hotfix: push, promote, tag.
/// </summary>
public sealed class GitFlowPipelineTest(ITestOutputHelper output) : IDisposable
{
    private readonly GitFlowRepository _repository = new();
    private readonly List<string> _images = [];

    public void Dispose()
    {
        foreach (var image in _images)
            TestDocker.RunAsync("image", "rm", "--force", image).GetAwaiter().GetResult();
        _repository.Dispose();
    }

    [Fact]
    public async Task TestImages_FeatureThenRelease_PushedFromTheSampleAndTheCandidatePromotedWithItsDigest()
    {
        await TestDocker.RequireEngineAsync();
        _repository.StartFeature("login").Change("Login page");
        Build("PushEcr");
        _repository.FinishFeature("login").StartRelease("1.1.0").Change("Release notes");
        var release = await _repository.VersionAsync();
        var candidate = release.ImageTags.Candidate!;

        Build("PushEcr");
        Build("PromoteRelease", "--approve");

        await using var platform = await LocalAwsPlatform.StartAsync(new LocalAwsOptions { DataDirectory = Path.Combine(_repository.Root, ".nuke", "temp", "local-aws") });
        Assert.NotNull(await DigestAsync(platform, "development", "feature-login-1"));
        var promoted = await DigestAsync(platform, "development", candidate);
        Assert.NotNull(promoted);
        Assert.Equal(promoted, await DigestAsync(platform, "production", "1.1.0"));
        var environment = await TestDocker.RunAsync("image", "inspect", "--format", "{{json .Config.Env}}", $"{platform.RegistryEndpoint("development").Authority}/slipway-sample:{candidate}");
        Assert.Contains($"IMAGE_VERSION={release.FullSemVer}", environment.StandardOutput);
        Assert.Equal("", _repository.Git("status", "--porcelain", "--untracked-files=all"));
    }

    private void Build(params string[] arguments)
    {
        var build = new SampleBuild();
        var (code, log) = _repository.Run(build, arguments);
        output.WriteLine(log);
        if (((Components.IDockerBuild)build).BuiltImage is { } built)
            _images.Add(built.ImageId);
        Assert.True(code == 0, $"./build.sh {string.Join(' ', arguments)} failed:\n{log}");
    }

    private static async Task<string?> DigestAsync(LocalAwsPlatform platform, string account, string tag)
    {
        using var ecr = new EcrClient(SamplePlatform.Options(platform, account));
        try
        {
            return await new EcrImageTags(ecr).GetDigestAsync("slipway-sample", tag);
        }
        catch (Aws.RepositoryNotFoundException)
        {
            return null;
        }
    }
}

using System.Text.Json.Nodes;
using Slipway.Aws.Ecr;
using Slipway.Aws.Ecs;
using Slipway.Components;
using Slipway.EcsDeploy;
using Slipway.EcsDeploy.Deployments;
using Slipway.LocalAws;
using Slipway.LocalAws.Tests.Ecs.Infrastructure;
using Slipway.Pipeline.Tests.GitFlow;
using Slipway.Pipeline.Tests.Sample;
using Xunit.Abstractions;

namespace Slipway.Pipeline.Tests.Pipeline;

/// <summary>
/// The git-flow pipeline end to end on the sample, one ordered test: feature -> Deploy (development) -> develop -> Deploy
/// (development) -> release/1.1.0 -> Deploy (staging) -> PromoteRelease -> TagRelease -> main Deploy (production, no build) ->
/// hotfix/1.1.1 -> Deploy (staging) -> PromoteRelease -> TagRelease -> main Deploy; then every target again, changing nothing.
/// Each step asserts the registry tags and digests, the task definition revisions, the git tags and merges (in origin too), and
/// over HTTP the version each environment serves.
/// </summary>
/// <remarks>
/// The local platform runs in the test's process for the whole test; the builds attach to it through <c>--local-aws-data</c>, so
/// its registries, revisions and running services carry across the builds. The services exist before the first deploy (created
/// here with a placeholder revision and no tasks), as they would on AWS.
/// </remarks>
public sealed class GitFlowPipelineTest(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Repository = "slipway-sample";
    private const string Service = "slipway-sample";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly GitFlowRepository _repository = new();
    private readonly string _data = Directory.CreateTempSubdirectory("slipway-gitflow-aws-").FullName;
    private readonly List<string> _images = [];
    private LocalAwsPlatform? _platform;

    private LocalAwsPlatform Platform => _platform!;

    public async Task InitializeAsync()
    {
        await TestDocker.RequireEngineAsync();
        _platform = await LocalAwsPlatform.StartAsync(new LocalAwsOptions { DataDirectory = _data });
        foreach (var (account, cluster) in new[] { ("development", "development"), ("development", "staging"), ("production", "production") })
            await CreateServiceAsync(account, cluster);
    }

    public async Task DisposeAsync()
    {
        if (_platform is not null)
            await _platform.DisposeAsync();
        foreach (var image in _images)
            await TestDocker.RunAsync("image", "rm", "--force", image);
        _repository.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task TestPipeline_FeatureDevelopReleaseMainHotfix_EachStepDeploysPromotesAndTagsWhatItShouldAndARerunChangesNothing()
    {
        // feature/login -> development
        _repository.StartFeature("login").Change("Login page");
        var feature = await _repository.VersionAsync();
        var featureBuild = Build("Deploy");
        var featureImage = await AssertDeployedAsync(featureBuild, "development", "development", revision: 1, feature.FullSemVer);
        Assert.Equal(feature.ImageTags.Candidate, featureImage.Tag);

        // finished into develop -> development, a snapshot of develop
        _repository.FinishFeature("login");
        var develop = await _repository.VersionAsync();
        var developImage = await AssertDeployedAsync(Build("Deploy"), "development", "development", revision: 2, develop.FullSemVer);
        Assert.Equal(develop.ImageTags.Candidate, developImage.Tag);
        Assert.Equal(featureImage.Digest, await DigestAsync("development", featureImage.Tag)); // the feature's image stays as it was

        // release/1.1.0 -> staging, the candidate
        _repository.StartRelease("1.1.0").Change("Release notes");
        var release = await _repository.VersionAsync();
        var candidate = await AssertDeployedAsync(Build("Deploy"), "development", "staging", revision: 1, release.FullSemVer);
        Assert.Equal(release.ImageTags.Candidate, candidate.Tag);
        Assert.Equal(release.FullSemVer, await ServedAsync("development", "staging", "image-version"));
        Assert.Equal(develop.FullSemVer, await ServedAsync("development", "development")); // development is not touched

        // PromoteRelease: the candidate's digest is the release's in production's registry
        Assert.Equal("1.1.0", release.ImageTags.Promoted);
        Assert.Null(await DigestAsync("production", "1.1.0"));
        Build("PromoteRelease", "--approve");
        Assert.Equal(candidate.Digest, await DigestAsync("production", "1.1.0"));

        // TagRelease: merged into main, tagged on the merge, merged into develop, all pushed
        AssertReleaseTagged("1.1.0", releaseHead: _repository.Head);

        // main -> production: the promoted image by digest, nothing built
        _repository.Checkout("main");
        await AssertMainDeployedAsync(revision: 1, "1.1.0", "1.1.0", candidate.Digest, imageVersion: release.FullSemVer);
        Assert.Equal(release.FullSemVer, await ServedAsync("development", "staging")); // staging keeps the candidate

        // hotfix/1.1.1 -> staging, promoted, tagged, main -> production
        _repository.StartHotfix("1.1.1").Change("Fix the login page");
        var hotfix = await _repository.VersionAsync();
        var hotfixCandidate = await AssertDeployedAsync(Build("Deploy"), "development", "staging", revision: 2, hotfix.FullSemVer);
        Assert.Equal(hotfix.ImageTags.Candidate, hotfixCandidate.Tag);
        Assert.NotEqual(candidate.Digest, hotfixCandidate.Digest);
        Assert.Equal("1.1.0", await ServedAsync("production", "production")); // production waits for the promotion and main's deploy
        var hotfixRelease = hotfix.ImageTags.Promoted!; // the hotfix form of the release tag (Versioning's ImageTagScheme)
        Assert.StartsWith("1.1.1", hotfixRelease);
        Assert.Null(await DigestAsync("production", hotfixRelease));
        Build("PromoteRelease", "--approve");
        Assert.Equal(hotfixCandidate.Digest, await DigestAsync("production", hotfixRelease));
        Assert.Equal(candidate.Digest, await DigestAsync("production", "1.1.0"));
        AssertReleaseTagged("1.1.1", releaseHead: _repository.Head);
        _repository.Checkout("main");
        await AssertMainDeployedAsync(revision: 2, "1.1.1", hotfixRelease, hotfixCandidate.Digest, imageVersion: hotfix.FullSemVer);

        // Every target again: nothing changes.
        var before = await SnapshotAsync();
        AssertUnchanged(Build("Deploy"));
        _repository.Checkout("hotfix/1.1.1");
        Build("PromoteRelease", "--approve");
        Build("TagRelease");
        AssertUnchanged(Build("Deploy"));
        _repository.Checkout("main");
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal("1.1.1", await ServedAsync("production", "production"));
        Assert.Equal(hotfix.FullSemVer, await ServedAsync("development", "staging"));
        Assert.Equal(develop.FullSemVer, await ServedAsync("development", "development"));
    }

    // Deploy on a branch that builds: the image pushed with the candidate tag, registered as the family's next revision by
    // digest, deployed, and the service answering the version; returns the pushed tag and digest.
    private async Task<(string Tag, string Digest)> AssertDeployedAsync(SampleBuild build, string account, string environment, int revision, string version)
    {
        var pushed = ((IPushEcr)build).PushedImage;
        Assert.NotNull(pushed);
        var (tag, digest) = (pushed.Target.Tag!, pushed.Digest.ToString());
        Assert.Equal(digest, await DigestAsync(account, tag));
        var image = AssertRevision(build, account, environment, revision);
        Assert.Equal($"{Platform.RegistryEndpoint(account).Authority}/{Repository}:{tag}@{digest}", image);
        Assert.Equal(revision, (await RevisionsAsync(account, environment)).Count);
        Assert.Equal(version, await ServedAsync(account, environment));
        return (tag, digest);
    }

    // Deploy on main (at the tag <version>): nothing built or pushed; production's next revision runs the promoted release tag at
    // the candidate's digest, the image built on the release branch (its /image-version), and serves <version>.
    private async Task AssertMainDeployedAsync(int revision, string version, string releaseTag, string digest, string imageVersion)
    {
        var main = await _repository.VersionAsync();
        Assert.Equal((version, releaseTag), (main.FullSemVer, main.ImageTags.Candidate));
        var build = Build("Deploy");
        Assert.Null(((IDockerBuild)build).BuiltImage);
        Assert.Null(((IPushEcr)build).PushedImage);
        var image = AssertRevision(build, "production", "production", revision);
        Assert.Equal($"{Platform.RegistryEndpoint("production").Authority}/{Repository}:{releaseTag}@{digest}", image);
        Assert.Equal(revision, (await RevisionsAsync("production", "production")).Count);
        Assert.Equal(version, await ServedAsync("production", "production"));
        Assert.Equal(imageVersion, await ServedAsync("production", "production", "image-version"));
    }

    // The build registered revision <revision> of slipway-sample-<environment> and deployed it; returns its image.
    private string AssertRevision(SampleBuild build, string account, string environment, int revision)
    {
        var registered = ((IRegisterTaskDef)build).RegisteredTaskDefinition;
        Assert.NotNull(registered);
        Assert.StartsWith("arn:aws:ecs:", registered.TaskDefinitionArn);
        Assert.EndsWith($":task-definition/{Service}-{environment}:{revision}", registered.TaskDefinitionArn);
        Assert.Contains($":{AccountId(account)}:", registered.TaskDefinitionArn, StringComparison.Ordinal);
        var deployed = ((IDeploy)build).Deployed;
        Assert.NotNull(deployed);
        Assert.Equal(DeployStatus.Deployed, deployed.Status);
        Assert.Equal(registered.TaskDefinitionArn, deployed.TaskDefinition);
        return registered.TaskDefinition.ContainerDefinitions.Single().Image!;
    }

    // TagRelease on the checked-out release or hotfix branch: main gets a --no-ff merge of the branch, the annotated tag <version>
    // is on that merge, develop has the tag merged in; origin has the same main, develop and tag.
    private void AssertReleaseTagged(string version, string releaseHead)
    {
        var tagsBefore = _repository.Tags(onRemote: true);
        var developBefore = _repository.Resolve("develop")!;
        Build("TagRelease");

        Assert.Equal([.. tagsBefore, version], _repository.Tags(onRemote: true));
        Assert.Equal(_repository.Tags(), _repository.Tags(onRemote: true));
        Assert.Equal("tag", _repository.Git("cat-file", "-t", version));
        var main = _repository.Resolve("main")!;
        Assert.Equal(main, _repository.Resolve(version));
        Assert.Equal(main, _repository.Resolve("main", onRemote: true));
        Assert.Equal(main, _repository.Resolve(version, onRemote: true));
        Assert.Equal(releaseHead, _repository.Resolve("main^2"));
        var develop = _repository.Resolve("develop")!;
        Assert.Equal(develop, _repository.Resolve("develop", onRemote: true));
        Assert.Equal([developBefore, main], _repository.Git("rev-list", "--parents", "-n", "1", "develop").Split(' ')[1..]);
        _repository.Git("--git-dir", _repository.Remote, "merge-base", "--is-ancestor", version, "develop");
    }

    private static void AssertUnchanged(SampleBuild build)
    {
        Assert.Equal(RegisterOutcome.Unchanged, ((IRegisterTaskDef)build).RegisteredTaskDefinition!.Outcome);
        Assert.Equal(DeployStatus.Unchanged, ((IDeploy)build).Deployed!.Status);
    }

    // Everything a re-run must leave alone: revisions, deployments, registry tags and digests, git refs here and on origin.
    private async Task<string> SnapshotAsync()
    {
        var lines = new List<string>();
        foreach (var (account, environment) in new[] { ("development", "development"), ("development", "staging"), ("production", "production") })
        {
            lines.AddRange(await RevisionsAsync(account, environment));
            using var ecs = Ecs(account);
            var service = (await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = environment, Services = [Service] })).Services.Single();
            lines.AddRange(service.Deployments.Select(x => $"{environment} deployment {x.Id} {x.Status} {x.TaskDefinition}"));
        }

        foreach (var account in new[] { "development", "production" })
        {
            using var ecr = new EcrClient(SamplePlatform.Options(Platform, account));
            var images = await ecr.Transport.InvokeAsync("DescribeImages", new JsonObject { ["repositoryName"] = Repository });
            lines.AddRange(images["imageDetails"]!.AsArray().Select(x => $"{account} {x!["imageDigest"]} {x["imageTags"]?.ToJsonString()}").Order(StringComparer.Ordinal));
        }

        lines.Add(_repository.Git("for-each-ref", "--format=%(refname) %(objectname)", "refs/heads", "refs/tags"));
        lines.Add(_repository.Git("--git-dir", _repository.Remote, "for-each-ref", "--format=%(refname) %(objectname)"));
        return string.Join('\n', lines);
    }

    private SampleBuild Build(params string[] arguments)
    {
        var build = new SampleBuild();
        var (code, log) = _repository.Run(build, [.. arguments, "--local-aws-data", _data]);
        output.WriteLine($"$ ./build.sh {string.Join(' ', arguments)} on {_repository.CurrentBranch}\n{log}");
        if (((IDockerBuild)build).BuiltImage is { } built)
            _images.Add(built.ImageId);
        Assert.True(code == 0, $"./build.sh {string.Join(' ', arguments)} on '{_repository.CurrentBranch}' failed:\n{log}");
        return build;
    }

    private async Task CreateServiceAsync(string account, string cluster)
    {
        using var ecs = Ecs(account);
        await ecs.Transport.InvokeAsync("CreateCluster", new JsonObject { ["clusterName"] = cluster });
        var placeholder = await ecs.Transport.InvokeAsync("RegisterTaskDefinition", new JsonObject
        {
            ["family"] = "placeholder",
            ["networkMode"] = "bridge",
            ["containerDefinitions"] = new JsonArray(new JsonObject { ["name"] = "web", ["image"] = "placeholder:1", ["essential"] = true }),
        });
        await ecs.Transport.InvokeAsync("CreateService", new JsonObject
        {
            ["cluster"] = cluster,
            ["serviceName"] = Service,
            ["taskDefinition"] = placeholder["taskDefinition"]!["taskDefinitionArn"]!.DeepClone(),
            ["desiredCount"] = 0,
            ["deploymentConfiguration"] = new JsonObject { ["deploymentCircuitBreaker"] = new JsonObject { ["enable"] = true, ["rollback"] = true } },
        });
    }

    private async Task<IReadOnlyList<string>> RevisionsAsync(string account, string environment)
    {
        using var ecs = Ecs(account);
        return (await ecs.ListTaskDefinitionsAsync(new ListTaskDefinitionsRequest { FamilyPrefix = $"{Service}-{environment}" })).TaskDefinitionArns;
    }

    private async Task<string?> ServedAsync(string account, string environment, string path = "version")
    {
        using var ecs = Ecs(account);
        return await ServiceHttp.GetAsync(ecs, environment, Service, path, Patience);
    }

    private async Task<string?> DigestAsync(string account, string tag)
    {
        using var ecr = new EcrClient(SamplePlatform.Options(Platform, account));
        try
        {
            return await new EcrImageTags(ecr).GetDigestAsync(Repository, tag);
        }
        catch (Aws.RepositoryNotFoundException)
        {
            return null;
        }
    }

    private string AccountId(string account) => Platform.Account(account).Id;

    private EcsClient Ecs(string account) => new(SamplePlatform.Options(Platform, account));
}

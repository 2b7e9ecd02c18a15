using System.Text.Json.Nodes;
using Amazon.Runtime;
using Slipway.Aws;
using Slipway.Aws.Ecr;
using Slipway.Aws.Ecs;
using Slipway.Containers.Building;
using Slipway.Containers.Ecr;
using Slipway.EcsDeploy;
using Slipway.EcsDeploy.Deployments;
using Slipway.EcsDeploy.Environments;
using Slipway.LocalAws;
using Slipway.LocalAws.Tests.Ecs.Infrastructure;
using Slipway.Tooling;

namespace Slipway.Pipeline.Tests.Sample;

/// <summary>
/// For one test class: a copy of the sample, the local platform, and two images of the sample built with the docker CLI and
/// pushed to the development account's registry: the sample as it is, and a broken one whose container exits at once.
/// </summary>
public sealed class SamplePlatform : IAsyncLifetime
{
    /// <summary>The version the good image is built as (the VERSION build arg and the OCI version label).</summary>
    public const string ImageVersion = "1.4.0-beta.1";

    private readonly string _work = Directory.CreateTempSubdirectory("slipway-sample-").FullName;
    private readonly List<string> _images = [];
    private LocalAwsPlatform? _platform;

    /// <summary>The copy of the sample (with busybox) the images are built from and the templates read.</summary>
    public string Root => Path.Combine(_work, "slipway-sample");

    /// <summary>The good image in the registry, by digest.</summary>
    public string Image { get; private set; } = "";

    /// <summary>The broken image in the registry, by digest.</summary>
    public string BrokenImage { get; private set; } = "";

    public LocalAwsPlatform Platform => _platform ?? throw new InvalidOperationException("The platform has not started.");

    public async Task InitializeAsync()
    {
        await TestDocker.RequireEngineAsync();
        SampleService.CopyTo(Root);
        _platform = await LocalAwsPlatform.StartAsync(new LocalAwsOptions { DataDirectory = Path.Combine(_work, "local-aws") });
        var development = SampleService.Environments(Root).Require(EnvironmentNames.Development, EnvironmentNeeds.Push);
        await using var registry = await EcrRegistry.ConnectAsync(development.Account!, Ecr(development.Account!), CancellationToken.None);
        await using var login = new DockerConfigFolder(_work);

        Image = await BuildAndPushAsync(registry, development.Repository!, Root, ImageVersion, login);
        var broken = Path.Combine(_work, "broken");
        SampleService.CopyTo(broken);
        await File.WriteAllTextAsync(Path.Combine(broken, "serve.sh"), "#!/bin/sh\necho 'broken on purpose' >&2\nexit 3\n");
        BrokenImage = await BuildAndPushAsync(registry, development.Repository!, broken, "9.9.9-broken", login);
    }

    public async Task DisposeAsync()
    {
        if (_platform is not null)
            await _platform.DisposeAsync();
        foreach (var image in _images)
            await TestDocker.RunAsync("image", "rm", "--force", image);
        Directory.Delete(_work, recursive: true);
    }

    /// <summary>An ECS client for a platform account.</summary>
    public EcsClient Ecs(string account) => new(Options(Platform, account));

    /// <summary>
    /// The sample's environment with the cluster moved to a new one (created here), so parallel tests have their own service;
    /// its tasks get dynamic host ports (the template's hostPort 0): ask <see cref="GetAsync"/> where the service answers.
    /// </summary>
    public async Task<DeploymentEnvironment> EnvironmentAsync(EcsClient ecs, string name)
    {
        var cluster = $"sample-{Guid.NewGuid():N}"[..20];
        await ecs.Transport.InvokeAsync("CreateCluster", new JsonObject { ["clusterName"] = cluster });
        return SampleService.Environments(Root).WithOverrides(new Dictionary<string, string> { ["cluster"] = cluster })
            .Require(name, EnvironmentNeeds.Deploy);
    }

    /// <summary>Registers the environment's template with <paramref name="image"/> and <paramref name="version"/>, as RegisterTaskDef does.</summary>
    public static async Task<string> RegisterAsync(EcsClient ecs, DeploymentEnvironment environment, string image, string version)
    {
        var variables = SampleService.Variables(image, version, "0123456789abcdef0123456789abcdef01234567", environment.Name);
        var registered = await TaskDefinitionRegistration.RegisterAsync(ecs, new RegisterRequest
        {
            Cluster = environment.Cluster,
            Service = environment.Service!,
            Source = new EcsDeploy.TaskDefinitions.TaskDefinitionSource(SampleService.Template(environment, variables)),
            Version = version,
            Commit = variables["Commit"],
        });
        Assert.Equal(RegisterOutcome.Registered, registered.Outcome);
        return registered.TaskDefinitionArn!;
    }

    /// <summary>Creates the environment's service (one task, circuit breaker with rollback) on <paramref name="taskDefinition"/> and waits until it completed.</summary>
    public static async Task CreateServiceAsync(EcsClient ecs, DeploymentEnvironment environment, string taskDefinition)
    {
        var created = await ecs.Transport.InvokeAsync("CreateService", new JsonObject
        {
            ["cluster"] = environment.Cluster,
            ["serviceName"] = environment.Service,
            ["taskDefinition"] = taskDefinition,
            ["desiredCount"] = 1,
            ["deploymentConfiguration"] = new JsonObject
            {
                ["deploymentCircuitBreaker"] = new JsonObject { ["enable"] = true, ["rollback"] = true },
            },
        });
        var wait = await new Deployer(ecs).WaitAsync(new WaitRequest
        {
            Cluster = environment.Cluster,
            Service = environment.Service!,
            DeploymentId = (string)created["service"]!["deployments"]![0]!["id"]!,
            Timeout = TimeSpan.FromSeconds(90),
            PollInterval = TimeSpan.FromMilliseconds(250),
        });
        Assert.True(wait.Succeeded, $"The sample's service did not start: {wait.Reason}");
    }

    private async Task<string> BuildAndPushAsync(EcrRegistry registry, string repository, string context, string version, DockerConfigFolder login)
    {
        var revision = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + "01234567";
        var tag = registry.Image(repository, version);
        var built = await new DockerBuilder().BuildAsync(new DockerBuildRequest(context)
        {
            BuildArgs = new Dictionary<string, string> { ["VERSION"] = version },
            Tags = [tag],
            Version = version,
            Revision = revision,
        }, ToolOutput.None);
        _images.Add(built.ImageId);
        var pushed = await new EcrImagePush().PushAsync(
            new EcrImagePushRequest(registry, new EcrRepositorySettings(repository), version, revision) { LocalImage = built.ImageId, LoginFolder = () => login },
            ToolOutput.None);
        return pushed.Push.Pinned.ToString();
    }

    /// <summary>Client options for an account of a running local platform.</summary>
    public static AwsClientOptions Options(LocalAwsPlatform platform, string account)
    {
        var keys = platform.Account(account);
        return new AwsClientOptions
        {
            Region = platform.Region,
            ServiceUrl = platform.Endpoint.ToString(),
            Credentials = new BasicAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey),
        };
    }

    private EcrClient Ecr(string account) => new(Options(Platform, account));
}

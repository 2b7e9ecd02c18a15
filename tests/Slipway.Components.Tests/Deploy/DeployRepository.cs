using System.Net.Sockets;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Slipway.Aws;
using Slipway.Aws.Ecs;
using Slipway.Components.Tests.Images;
using Slipway.EcsDeploy.Deployments;
using Slipway.EcsDeploy.Tests.Deployments.Infrastructure;
using Slipway.Execution;

namespace Slipway.Components.Tests.Deploy;

/// <summary>A service build with the deploy targets; its ECS calls are recorded, its deploys ask for one task, and after Deploy it asks the service over HTTP what it serves.</summary>
public class DeployBuild : ServiceBuild, IDeploy, IRollback
{
    /// <summary>Every ECS operation the build sent, in order.</summary>
    public RecordingHandler Calls { get; } = new();

    /// <summary>What the service answered at /version right after Deploy succeeded; null when it did not run or nothing answered.</summary>
    public string? Served { get; private set; }

    Configure<AwsClientOptions> IHazEnvironments.EcsClientSettings => _ => _ with { HttpHandler = Calls };

    Configure<DeployRequest> IDeploy.DeploySettings => _ => _ with { DesiredCount = 1, PollInterval = TimeSpan.FromMilliseconds(200) };

    protected override void OnTargetSucceeded(ExecutableTarget target)
    {
        // The local platform stops the tasks when the build ends, so the service is asked while the build still runs.
        if (target.Name == nameof(IDeploy.Deploy) && target.SummaryNotes.FirstOrDefault(x => x.Key == "URL").Value is { } url)
            Served = DeployRepository.GetAsync(new Uri(new Uri(url), "version")).GetAwaiter().GetResult();
    }
}

/// <summary>
/// A service repository that deploys to the local platform: a Dockerfile whose image serves its version over HTTP (busybox httpd),
/// deploy/taskdef.json and deploy/environments.json (local platform, one service per test), and the service created with no tasks.
/// </summary>
public sealed class DeployRepository : IAsyncDisposable
{
    public const string Template = """
        {
          "family": "${Service}",
          "networkMode": "host",
          "containerDefinitions": [
            {
              "name": "app", "image": "${Image}", "essential": true,
              "command": ["/bin/sh", "-c", "echo \"$VERSION\" > /www/version && exec /bin/busybox httpd -f -p 127.0.0.1:${Port} -h /www"],
              "environment": [{ "name": "VERSION", "value": "${Version}" }, { "name": "STAGE", "value": "${Environment}" }],
              "portMappings": [{ "containerPort": ${Port} }]
            }
          ]
        }
        """;

    private DeployRepository(ServiceRepository repository, string service, int port)
    {
        Repository = repository;
        Service = service;
        Port = port;
    }

    public ServiceRepository Repository { get; }

    /// <summary>The service (and family) name, unique to the test.</summary>
    public string Service { get; }

    /// <summary>The port the service serves on.</summary>
    public int Port { get; }

    public string Root => Repository.Root;

    /// <summary>A repository on a feature branch with the deploy files committed; <paramref name="environments"/> replaces the environments file.</summary>
    public static DeployRepository Create(string? environments = null, string? template = null, bool createService = true) =>
        Create($"svc-{Guid.NewGuid():N}"[..16], environments, template, createService, []);

    /// <summary>
    /// A repository whose environments file is written for its service name and which holds <paramref name="files"/> too; the service is not created.
    /// </summary>
    public static DeployRepository CreateWith(Func<string, string> environments, params (string Path, string Text)[] files)
    {
        var service = $"svc-{Guid.NewGuid():N}"[..16];
        return Create(service, environments(service), null, createService: false, files);
    }

    private static DeployRepository Create(string service, string? environments, string? template, bool createService, (string Path, string Text)[] files)
    {
        var repository = new ServiceRepository { NewBuild = () => new DeployBuild() };
        var deploy = new DeployRepository(repository, service, FreePort());
        Directory.CreateDirectory(Path.Combine(repository.Root, "www"));
        File.WriteAllText(Path.Combine(repository.Root, "www", "index.html"), "slipway\n");
        File.WriteAllText(Path.Combine(repository.Root, "Dockerfile"),
            $"FROM scratch\nLABEL slipway.test.run={Guid.NewGuid():N}\nCOPY busybox /bin/busybox\nCOPY busybox /bin/sh\nCOPY www /www\nCMD [\"/bin/busybox\", \"true\"]\n"); // label first: see ServiceRepository
        Directory.CreateDirectory(Path.Combine(repository.Root, "deploy"));
        File.WriteAllText(Path.Combine(repository.Root, "deploy", "taskdef.json"), template ?? Template);
        File.WriteAllText(Path.Combine(repository.Root, "deploy", "environments.json"), environments ?? $$"""
            {
              "$schema": "./environments.schema.json",
              "defaults": { "platform": "local", "account": "development", "cluster": "default", "service": "{{service}}", "repository": "svc",
                            "containers": ["app"], "taskDefinitionTemplate": "taskdef.json" },
              "environments": { "development": {}, "staging": {}, "production": { "account": "production" } }
            }
            """);
        foreach (var (path, text) in files)
            File.WriteAllText(Path.Combine(repository.Root, path), text);
        repository.Git("checkout", "-q", "-b", "feature/checkout");
        // A service repository commits the schemas the build writes (build.schema.json with the deploy parameters, environments.schema.json).
        Assert.Equal(0, repository.Run("--help").Code);
        EcsDeploy.Environments.EnvironmentsFile.WriteSchema(Path.Combine(repository.Root, EcsDeploy.Environments.EnvironmentsFile.DefaultSchemaPath));
        repository.Git("add", "-A");
        repository.Commit("deploy files");
        if (createService)
            deploy.CreateServiceAsync().GetAwaiter().GetResult();
        return deploy;
    }

    /// <summary>Runs a build (the ServiceRepository's arguments) with <c>--template-variables Service=... Port=...</c>.</summary>
    public (int Code, string Output, DeployBuild Build) Run(params string[] args) => RunOnPort(Port, args);

    /// <summary>Runs a build whose tasks serve on <paramref name="port"/> (another environment's tasks on the same host may hold <see cref="Port"/>).</summary>
    public (int Code, string Output, DeployBuild Build) RunOnPort(int port, params string[] args)
    {
        var (code, output, build) = Repository.Run([.. args, "--template-variables", $"Service={Service}", $"Port={port}"]);
        return (code, output, (DeployBuild)build);
    }

    /// <summary>Registers a placeholder revision and creates the service on it with no tasks, on the platform the builds use, then stops that platform.</summary>
    public async Task CreateServiceAsync(string controller = "ECS", string account = "development")
    {
        await using var platform = await Repository.PlatformAsync();
        using var ecs = Ecs(platform, account);
        var registered = await ecs.Transport.InvokeAsync("RegisterTaskDefinition", new JsonObject
        {
            ["family"] = Service,
            ["networkMode"] = "host",
            ["containerDefinitions"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "placeholder:1", ["essential"] = true }),
        });
        await ecs.Transport.InvokeAsync("CreateService", new JsonObject
        {
            ["serviceName"] = Service,
            ["taskDefinition"] = registered["taskDefinition"]!["taskDefinitionArn"]!.DeepClone(),
            ["desiredCount"] = 0,
            ["deploymentController"] = new JsonObject { ["type"] = controller },
        });
    }

    /// <summary>Every revision of the service's family, on a platform started to look.</summary>
    public async Task<IReadOnlyList<string>> RevisionsAsync()
    {
        await using var platform = await Repository.PlatformAsync();
        using var ecs = Ecs(platform);
        return (await ecs.ListTaskDefinitionsAsync(new ListTaskDefinitionsRequest { FamilyPrefix = Service })).TaskDefinitionArns;
    }

    /// <summary>The service's deployments, on a platform started to look.</summary>
    public async Task<EcsService> DescribeAsync()
    {
        await using var platform = await Repository.PlatformAsync();
        using var ecs = Ecs(platform);
        return (await ecs.DescribeServicesAsync(new DescribeServicesRequest { Services = [Service] })).Services.Single();
    }

    /// <summary>What <paramref name="address"/> answers, trimmed, retried for a few seconds while the server starts; null when nothing answers.</summary>
    public static async Task<string?> GetAsync(Uri address)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                return (await http.GetStringAsync(address)).Trim();
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(100);
            }
        }

        return null;
    }

    public ValueTask DisposeAsync() => Repository.DisposeAsync();

    private static EcsClient Ecs(LocalAws.LocalAwsPlatform platform, string account = "development")
    {
        var keys = platform.Account(account);
        return new EcsClient(new AwsClientOptions
        {
            Region = platform.Region,
            ServiceUrl = platform.Endpoint.ToString(),
            Credentials = new BasicAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey),
        });
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Text.Json.Nodes;
using Amazon.Runtime;
using Slipway.Aws;
using Slipway.Aws.Ecs;
using Slipway.EcsDeploy.Deployments;
using Slipway.LocalAws;
using Slipway.LocalAws.Tests.Ecs.Infrastructure;

namespace Slipway.EcsDeploy.Tests.Deployments.Infrastructure;

/// <summary>One local platform (ECS on the real Docker engine) and one FROM-scratch httpd image for a test class; each test makes its own services.</summary>
public sealed class LocalEcsFixture : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("slipway-ecsdeploy-").FullName;

    public HttpdImage Image { get; } = new();

    public LocalAwsPlatform Platform { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Image.InitializeAsync();
        Platform = await LocalAwsPlatform.StartAsync(new LocalAwsOptions { DataDirectory = _data });
    }

    public async Task DisposeAsync()
    {
        if (Platform is not null)
            await Platform.DisposeAsync();
        await Image.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    /// <summary>A client for the platform's development account, sending through <paramref name="handler"/> when given.</summary>
    public EcsClient Client(HttpMessageHandler? handler = null)
    {
        var keys = Platform.Account("development");
        return new EcsClient(new AwsClientOptions
        {
            Region = Platform.Region,
            ServiceUrl = Platform.Endpoint.ToString(),
            Credentials = new BasicAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey),
            HttpHandler = handler,
        });
    }

    /// <summary>A name unique to one test, for its family and service, so parallel runs never meet.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>Registers a revision of <paramref name="family"/> serving <paramref name="version"/> on <paramref name="port"/>, or one whose container exits at once.</summary>
    public async Task<string> RegisterAsync(EcsClient ecs, string family, string version, int port, bool broken = false)
    {
        var command = broken ? ["/bin/sh", "-c", "exit 3"] : HttpdImage.ServeCommand;
        var container = new JsonObject
        {
            ["name"] = "web",
            ["image"] = Image.Name,
            ["essential"] = true,
            ["command"] = new JsonArray([.. command.Select(part => (JsonNode)part)]),
            ["environment"] = new JsonArray(
                new JsonObject { ["name"] = "VERSION", ["value"] = version },
                new JsonObject { ["name"] = "PORT", ["value"] = port.ToString() }),
        };
        // The broken revision maps no port, so the platform runs it beside the old tasks, which keep serving (as ECS does with awsvpc).
        if (!broken)
            container["portMappings"] = new JsonArray(new JsonObject { ["containerPort"] = port });
        var output = await ecs.Transport.InvokeAsync("RegisterTaskDefinition",
            new JsonObject { ["family"] = family, ["networkMode"] = "host", ["containerDefinitions"] = new JsonArray(container) });
        return (string)output["taskDefinition"]!["taskDefinitionArn"]!;
    }

    /// <summary>Creates a one-task service of <paramref name="taskDefinition"/> and waits until its first deployment completed.</summary>
    public async Task CreateServiceAsync(EcsClient ecs, string name, string taskDefinition, bool circuitBreaker = true, string controller = "ECS")
    {
        var output = await ecs.Transport.InvokeAsync("CreateService", new JsonObject
        {
            ["serviceName"] = name,
            ["taskDefinition"] = taskDefinition,
            ["desiredCount"] = 1,
            ["deploymentController"] = new JsonObject { ["type"] = controller },
            ["deploymentConfiguration"] = new JsonObject
            {
                ["deploymentCircuitBreaker"] = new JsonObject { ["enable"] = circuitBreaker, ["rollback"] = circuitBreaker },
            },
        });
        var deploymentId = (string)output["service"]!["deployments"]![0]!["id"]!;
        var wait = await new Deployer(ecs).WaitAsync(new WaitRequest
        {
            Service = name, DeploymentId = deploymentId, Timeout = TimeSpan.FromSeconds(60), PollInterval = TimeSpan.FromMilliseconds(200),
        });
        Assert.True(wait.Succeeded, $"Service '{name}' did not start: {wait.Reason}");
    }

    public static async Task<EcsService> DescribeAsync(EcsClient ecs, string service) =>
        (await ecs.DescribeServicesAsync(new DescribeServicesRequest { Services = [service] })).Services.Single();
}

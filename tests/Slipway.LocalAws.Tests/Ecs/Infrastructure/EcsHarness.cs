using System.Diagnostics;
using System.Text.Json.Nodes;
using Slipway.LocalAws.Ecs;
using Slipway.LocalAws.Server;
using Slipway.LocalAws.Signing;

namespace Slipway.LocalAws.Tests.Ecs.Infrastructure;

/// <summary>An <see cref="EcsService"/> on a data folder, called through <c>HandleAsync</c> as the JSON protocol calls it, with helpers to wait for rollouts.</summary>
internal sealed class EcsHarness : IAsyncDisposable
{
    public const string AccountId = "111111111111";
    public const string Region = "us-east-1";

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DefaultReconcileInterval = new EcsOptions { DataDirectory = "." }.ReconcileInterval;
    private readonly bool _ownsDirectory;

    /// <summary>
    /// Starts a service on <paramref name="dataDirectory"/>, or on a new temporary folder that disposing removes. The reconcile
    /// interval is the platform's default safety net unless given: passes run when engine events and calls wake them, as in use.
    /// </summary>
    public EcsHarness(string? dataDirectory = null, bool removeContainersOnShutdown = true, string? dockerHost = null, TimeSpan? reconcileInterval = null)
    {
        _ownsDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("slipway-ecs-").FullName;
        Service = new EcsService(new EcsOptions
        {
            DataDirectory = DataDirectory,
            RemoveContainersOnShutdown = removeContainersOnShutdown,
            DockerHost = dockerHost,
            ReconcileInterval = reconcileInterval ?? DefaultReconcileInterval,
            LaunchRetryDelay = TimeSpan.FromMilliseconds(250),
        });
    }

    public string DataDirectory { get; }

    public EcsService Service { get; }

    public static string TaskDefinitionArn(string family, int revision) => $"arn:aws:ecs:{Region}:{AccountId}:task-definition/{family}:{revision}";

    /// <summary>Calls <paramref name="operation"/> as the account's root user and returns its output.</summary>
    public async Task<JsonObject> CallAsync(string operation, JsonObject input)
    {
        var context = new CallContext(Guid.NewGuid().ToString(), new AwsPrincipal(AccountId, $"arn:aws:iam::{AccountId}:root", AccountId, "AKIAEXAMPLE"), Region, DateTimeOffset.UtcNow);
        var output = await Service.HandleAsync(operation, input, context, CancellationToken.None);
        return output as JsonObject ?? [];
    }

    /// <summary>Calls <paramref name="operation"/>, asserts it fails with <paramref name="code"/> and returns the error.</summary>
    public async Task<AwsErrorException> FailAsync(string operation, JsonObject input, string code)
    {
        var error = await Assert.ThrowsAsync<AwsErrorException>(() => CallAsync(operation, input));
        Assert.True(error.Code == code, $"{operation} failed with {error.Code} ({error.Message}), not {code}.");
        return error;
    }

    /// <summary>Registers a revision of <paramref name="family"/> that serves <paramref name="version"/> on <paramref name="port"/>.</summary>
    /// <remarks>Under host networking the server binds 127.0.0.1:port itself; in bridge mode (<paramref name="networkMode"/>) it listens on every interface of its container and <paramref name="hostPort"/> (0: dynamic) publishes it.</remarks>
    public async Task<JsonObject> RegisterHttpdAsync(
        string family, HttpdImage image, string version, int port, bool portMapping = true, JsonObject? healthCheck = null, string[]? command = null,
        string networkMode = "host", int? hostPort = null)
    {
        var container = new JsonObject
        {
            ["name"] = "web",
            ["image"] = image.Name,
            ["command"] = new JsonArray([.. (command ?? (networkMode == "host" ? HttpdImage.ServeCommand : HttpdImage.ServeOnAllInterfacesCommand)).Select(part => (JsonNode)part)]),
            ["environment"] = new JsonArray(
                new JsonObject { ["name"] = "VERSION", ["value"] = version },
                new JsonObject { ["name"] = "PORT", ["value"] = port.ToString() }),
        };
        if (portMapping)
            container["portMappings"] = new JsonArray(new JsonObject { ["containerPort"] = port, ["hostPort"] = hostPort });
        if (healthCheck is not null)
            container["healthCheck"] = healthCheck;
        var output = await CallAsync("RegisterTaskDefinition", new JsonObject
        {
            ["family"] = family,
            ["networkMode"] = networkMode,
            ["containerDefinitions"] = new JsonArray(container),
        });
        return output["taskDefinition"]!.AsObject();
    }

    /// <summary>Creates service <paramref name="name"/> with one task of <paramref name="taskDefinition"/>; returns the first deployment's id.</summary>
    public async Task<string> CreateServiceAsync(string name, string taskDefinition, bool circuitBreaker = true, bool rollback = true, int desiredCount = 1)
    {
        var output = await CallAsync("CreateService", new JsonObject
        {
            ["serviceName"] = name,
            ["taskDefinition"] = taskDefinition,
            ["desiredCount"] = desiredCount,
            ["deploymentConfiguration"] = new JsonObject
            {
                ["deploymentCircuitBreaker"] = new JsonObject { ["enable"] = circuitBreaker, ["rollback"] = rollback },
            },
        });
        return (string)output["service"]!["deployments"]![0]!["id"]!;
    }

    /// <summary>Updates service <paramref name="name"/> to <paramref name="taskDefinition"/>; returns the new PRIMARY deployment's id, the one to wait on.</summary>
    public async Task<string> UpdateServiceAsync(string name, string taskDefinition) => PrimaryDeployment(await UpdateServiceOutputAsync(name, taskDefinition))["id"]!.GetValue<string>();

    /// <summary>Updates service <paramref name="name"/> to <paramref name="taskDefinition"/>; returns the service UpdateService answered with.</summary>
    public async Task<JsonObject> UpdateServiceOutputAsync(string name, string taskDefinition) =>
        (await CallAsync("UpdateService", new JsonObject { ["service"] = name, ["taskDefinition"] = taskDefinition }))["service"]!.AsObject();

    /// <summary>The PRIMARY deployment of <paramref name="service"/>.</summary>
    public static JsonObject PrimaryDeployment(JsonObject service) =>
        service["deployments"]!.AsArray().Single(deployment => (string?)deployment!["status"] == "PRIMARY")!.AsObject();

    public async Task<JsonObject> DescribeServiceAsync(string name)
    {
        var output = await CallAsync("DescribeServices", new JsonObject { ["services"] = new JsonArray(name) });
        return output["services"]!.AsArray().Single()!.AsObject();
    }

    /// <summary>Polls DescribeServices (every 50 ms, at most 60 s) until <paramref name="until"/> holds; returns the service and every deployment state seen on the way.</summary>
    public async Task<(JsonObject Service, IReadOnlyList<JsonObject> DeploymentsSeen)> WaitForServiceAsync(string name, string what, Func<JsonObject, bool> until)
    {
        var seen = new List<JsonObject>();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var service = await DescribeServiceAsync(name);
            seen.AddRange(service["deployments"]!.AsArray().Select(deployment => deployment!.AsObject()));
            if (until(service))
                return (service, seen);
            if (clock.Elapsed > WaitLimit)
            {
                Assert.Fail($"Service '{name}' did not reach '{what}' within {WaitLimit.TotalSeconds} s. Last reconcile error: {Service.LastReconcileError?.Message ?? "none"}.\n{service.ToJsonString()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits until deployment <paramref name="deploymentId"/> is the COMPLETED primary at the desired count; fails at once when it fails or disappears.</summary>
    public async Task<JsonObject> WaitForCompletedAsync(string name, string deploymentId)
    {
        var (service, _) = await WaitForServiceAsync(name, $"deployment {deploymentId} COMPLETED", service =>
        {
            var deployment = service["deployments"]!.AsArray().FirstOrDefault(candidate => (string?)candidate!["id"] == deploymentId);
            Assert.True(deployment is not null, $"Deployment {deploymentId} disappeared: {service.ToJsonString()}");
            Assert.True((string?)deployment["rolloutState"] != "FAILED", $"Deployment {deploymentId} failed: {service.ToJsonString()}");
            return (string?)deployment["rolloutState"] == "COMPLETED" && (int)service["runningCount"]! == (int)service["desiredCount"]!
                && service["deployments"]!.AsArray().Count == 1;
        });
        return service;
    }

    /// <summary>The event messages of <paramref name="service"/>, newest first.</summary>
    public static IReadOnlyList<string> Events(JsonObject service) =>
        service["events"]!.AsArray().Select(serviceEvent => (string)serviceEvent!["message"]!).ToList();

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        if (_ownsDirectory)
            Directory.Delete(DataDirectory, recursive: true);
    }
}

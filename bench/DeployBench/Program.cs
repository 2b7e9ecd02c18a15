using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Slipway.Aws;
using Slipway.Aws.Ecs;
using Slipway.EcsDeploy;
using Slipway.EcsDeploy.Deployments;
using Slipway.LocalAws;

// Usage: DeployBench IMAGE [RUNS] [FAILED_RUNS] [POLL_MS]
// Detection latency: from the moment the local platform ends a deployment (its rolloutState set to COMPLETED or FAILED, which
// stamps the deployment's updatedAt, in milliseconds) to the moment Deployer.DeployAsync, waiting on that deployment, returns.
// The platform runs in this process, so both times come from one clock. IMAGE serves HTTP on $PORT (the sample's image);
// a FAILED run deploys a revision whose command exits at once (circuit breaker on, no rollback, so FAILED stays PRIMARY and
// the wait ends on FAILED), then an unmeasured good deploy brings the service back. POLL_MS defaults to DeployRequest's
// default poll interval, the one the Deploy target uses unless told otherwise. Prints "name: value" lines for bench/deploy.sh.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: DeployBench IMAGE [RUNS] [FAILED_RUNS] [POLL_MS]");
    return 2;
}

var image = args[0];
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var failedRuns = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
var defaults = new DeployRequest { Service = "", TaskDefinition = "" };
var poll = args.Length > 3 ? TimeSpan.FromMilliseconds(int.Parse(args[3], CultureInfo.InvariantCulture)) : defaults.PollInterval;

var data = Directory.CreateTempSubdirectory("slipway-deploy-bench-").FullName;
try
{
    await using var platform = await LocalAwsPlatform.StartAsync(new LocalAwsOptions { DataDirectory = data });
    var keys = platform.Account("development");
    using var ecs = new EcsClient(new AwsClientOptions
    {
        Region = platform.Region,
        ServiceUrl = platform.Endpoint.ToString(),
        Credentials = new BasicAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey),
    });
    const string service = "deploy-bench";
    var port = FreePort();
    var revision = 0;

    // A revision serving "bench-N" on the port, or one whose container exits at once (the same port, so the old task stops first).
    async Task<string> RegisterAsync(bool broken)
    {
        revision++;
        var container = new JsonObject
        {
            ["name"] = "web",
            ["image"] = image,
            ["essential"] = true,
            ["portMappings"] = new JsonArray(new JsonObject { ["containerPort"] = port }),
            ["environment"] = new JsonArray(
                new JsonObject { ["name"] = "PORT", ["value"] = port.ToString(CultureInfo.InvariantCulture) },
                new JsonObject { ["name"] = "SERVICE_VERSION", ["value"] = $"bench-{revision}" }),
        };
        if (broken)
            container["entryPoint"] = new JsonArray("/bin/sh", "-c", "exit 3");
        var output = await ecs.Transport.InvokeAsync("RegisterTaskDefinition",
            new JsonObject { ["family"] = service, ["networkMode"] = "host", ["containerDefinitions"] = new JsonArray(container) });
        return (string)output["taskDefinition"]!["taskDefinitionArn"]!;
    }

    // Deploys and returns how long after the platform ended the deployment the wait reported it, and how it ended.
    async Task<(double LatencyMs, DeployResult Result)> DeployAsync(string taskDefinition)
    {
        var result = await new Deployer(ecs).DeployAsync(new DeployRequest
        {
            Service = service, TaskDefinition = taskDefinition, PollInterval = poll, RollbackOnFailure = false, Timeout = TimeSpan.FromMinutes(2),
        });
        var reported = DateTimeOffset.UtcNow;
        var ended = result.Wait?.Deployment?.UpdatedAt ?? throw new InvalidOperationException($"No deployment was followed: {result.Describe()}");
        return ((reported - ended).TotalMilliseconds, result);
    }

    var created = await ecs.Transport.InvokeAsync("CreateService", new JsonObject
    {
        ["serviceName"] = service,
        ["taskDefinition"] = await RegisterAsync(broken: false),
        ["desiredCount"] = 1,
        ["deploymentConfiguration"] = new JsonObject
        {
            ["deploymentCircuitBreaker"] = new JsonObject { ["enable"] = true, ["rollback"] = false },
        },
    });
    var first = await new Deployer(ecs).WaitAsync(new WaitRequest
    {
        Service = service, DeploymentId = (string)created["service"]!["deployments"]![0]!["id"]!, PollInterval = poll, Timeout = TimeSpan.FromMinutes(2),
    });
    if (!first.Succeeded)
        throw new InvalidOperationException($"The service did not start: {first.Reason}");

    var completed = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        var (latency, result) = await DeployAsync(await RegisterAsync(broken: false));
        if (result.Status != DeployStatus.Deployed)
            throw new InvalidOperationException($"A good revision did not deploy: {result.Describe()}");
        completed.Add(latency);
    }

    var failed = new List<double>();
    for (var run = 0; run < failedRuns; run++)
    {
        var (latency, result) = await DeployAsync(await RegisterAsync(broken: true));
        if (result.Wait?.Outcome != DeploymentOutcome.Failed)
            throw new InvalidOperationException($"A broken revision did not end FAILED: {result.Describe()}");
        failed.Add(latency);
        var (_, back) = await DeployAsync(await RegisterAsync(broken: false));
        if (back.Status != DeployStatus.Deployed)
            throw new InvalidOperationException($"The service did not come back after a broken revision: {back.Describe()}");
    }

    Console.WriteLine($"poll_ms: {poll.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}");
    Print("completed", completed);
    Print("failed", failed);
    Print("all", [.. completed, .. failed]);
    return 0;
}
finally
{
    Directory.Delete(data, recursive: true);
}

static void Print(string name, List<double> values)
{
    if (values.Count == 0)
        return;
    var sorted = values.Order().ToList();
    var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: runs={sorted.Count} min_ms={sorted[0]:0} median_ms={median:0} max_ms={sorted[^1]:0} each_ms={string.Join(",", values.Select(x => x.ToString("0", CultureInfo.InvariantCulture)))}"));
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

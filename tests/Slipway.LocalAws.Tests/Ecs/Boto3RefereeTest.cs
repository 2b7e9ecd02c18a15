using System.Text.Json.Nodes;
using Slipway.LocalAws.Tests.Ecs.Infrastructure;
using Slipway.LocalAws.Tests.Infrastructure;
using Slipway.Tooling;

namespace Slipway.LocalAws.Tests.Ecs;

/// <summary>
/// The referee: Debian's boto3 (python3-boto3, an independent client with its own service models and SigV4 signer) drives a
/// rolling deployment on the platform and must parse every answer: clusters, task definitions, services with deployments and
/// rolloutState, ListTasks and DescribeTasks with network bindings. Missing boto3 fails the test, as a missing engine does.
/// </summary>
public sealed class Boto3RefereeTest(HttpdImage image) : IClassFixture<HttpdImage>, IAsyncLifetime
{
    private const string Python = "/usr/bin/python3";

    // Prints one JSON document of what boto3 parsed; datetimes are checked to be datetimes, then written as ISO text.
    private const string Script = """
        import datetime, json, os, sys, time
        import boto3

        ecs = boto3.client("ecs", endpoint_url=os.environ["ENDPOINT"], region_name=os.environ["REGION"],
                           aws_access_key_id=os.environ["KEY"], aws_secret_access_key=os.environ["SECRET"])
        image = os.environ["IMAGE"]
        serve = ["/bin/sh", "-c", 'echo "$VERSION" > /www/version && exec /busybox httpd -f -p "$PORT" -h /www']

        def register(version):
            return ecs.register_task_definition(family="referee", networkMode="bridge", containerDefinitions=[{
                "name": "web", "image": image, "command": serve, "memory": 64,
                "environment": [{"name": "VERSION", "value": version}, {"name": "PORT", "value": "8080"}],
                "portMappings": [{"containerPort": 8080, "hostPort": 0}]}])["taskDefinition"]

        def wait(deployment_id):
            deadline = time.time() + 90
            while True:
                service = ecs.describe_services(cluster="referee", services=["web"])["services"][0]
                mine = [d for d in service["deployments"] if d["id"] == deployment_id]
                if mine and mine[0]["rolloutState"] == "COMPLETED" and len(service["deployments"]) == 1 and service["runningCount"] == 2:
                    return service
                if not mine or mine[0]["rolloutState"] == "FAILED" or time.time() > deadline:
                    sys.exit("deployment %s did not complete: %s" % (deployment_id, service))
                time.sleep(0.2)

        cluster = ecs.create_cluster(clusterName="referee")["cluster"]
        first = register("v1")
        created = ecs.create_service(cluster="referee", serviceName="web", taskDefinition="referee:1", desiredCount=2,
            deploymentConfiguration={"deploymentCircuitBreaker": {"enable": True, "rollback": True}})["service"]
        wait(created["deployments"][0]["id"])
        second = register("v2")
        updated = ecs.update_service(cluster="referee", service="web", taskDefinition="referee:2")["service"]
        primary = [d for d in updated["deployments"] if d["status"] == "PRIMARY"][0]
        done = wait(primary["id"])
        arns = ecs.list_tasks(cluster="referee", serviceName="web")["taskArns"]
        described = ecs.describe_tasks(cluster="referee", tasks=arns + ["0123456789abcdef0123456789abcdef"])
        stopped = ecs.list_tasks(cluster="referee", serviceName="web", desiredStatus="STOPPED")["taskArns"]

        def plain(value):
            if isinstance(value, datetime.datetime):
                return "datetime:" + value.isoformat()
            if isinstance(value, dict):
                return {k: plain(v) for k, v in value.items() if k != "ResponseMetadata"}
            if isinstance(value, list):
                return [plain(v) for v in value]
            return value

        print(json.dumps(plain({"cluster": cluster, "revisions": [first["revision"], second["revision"]], "updated": updated,
            "primary": primary, "done": done, "tasks": described["tasks"], "failures": described["failures"], "stopped": stopped})))
        """;

    private readonly TestPlatform _local = new();

    public Task InitializeAsync() => _local.InitializeAsync();

    public Task DisposeAsync() => _local.DisposeAsync();

    [Fact]
    public async Task TestBoto3_DrivesARollingDeploymentAndParsesEveryAnswer()
    {
        Assert.True(File.Exists(Python) && (await ToolRunner.RunAsync(new ToolInvocation(Python, "-c", "import boto3") { CheckExitCode = false })).ExitCode == 0,
            $"The boto3 referee needs Debian's boto3 for '{Python}': apt-get install -y python3-boto3 (.ci/run installs it).");
        var script = Path.Combine(_local.DataDirectory, "referee.py");
        await File.WriteAllTextAsync(script, Script);
        var run = await ToolRunner.RunAsync(new ToolInvocation(Python, script)
        {
            CheckExitCode = false,
            Timeout = TimeSpan.FromMinutes(3),
            Environment = new Dictionary<string, string?>
            {
                ["ENDPOINT"] = _local.Platform.Endpoint.ToString(), ["REGION"] = _local.Platform.Region, ["IMAGE"] = image.Name,
                ["KEY"] = _local.Development.AccessKeyId, ["SECRET"] = _local.Development.SecretAccessKey,
                ["AWS_CONFIG_FILE"] = "/dev/null", ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null", ["AWS_PROFILE"] = null, ["AWS_EC2_METADATA_DISABLED"] = "true",
            },
        });
        Assert.True(run.ExitCode == 0, $"boto3 failed ({run.ExitCode}):\n{run.StandardError}");
        var parsed = JsonNode.Parse(run.StandardOutput)!;

        Assert.Equal("arn:aws:ecs:us-east-1:111111111111:cluster/referee", (string?)parsed["cluster"]!["clusterArn"]);
        Assert.Equal("[1,2]", parsed["revisions"]!.ToJsonString());
        var primary = parsed["primary"]!;
        Assert.Equal(("IN_PROGRESS", "arn:aws:ecs:us-east-1:111111111111:task-definition/referee:2"), ((string?)primary["rolloutState"], (string?)primary["taskDefinition"]));
        Assert.StartsWith("datetime:", (string)primary["createdAt"]!, StringComparison.Ordinal);
        var done = parsed["done"]!;
        Assert.Equal(("COMPLETED", (string?)primary["id"]), ((string?)done["deployments"]![0]!["rolloutState"], (string?)done["deployments"]![0]!["id"]));
        Assert.Contains(done["events"]!.AsArray(), serviceEvent => ((string)serviceEvent!["message"]!).EndsWith("has reached a steady state.", StringComparison.Ordinal));
        Assert.Equal("MISSING", (string?)parsed["failures"]![0]!["reason"]);
        Assert.Equal(2, parsed["stopped"]!.AsArray().Count);

        var tasks = parsed["tasks"]!.AsArray();
        Assert.Equal(2, tasks.Count);
        var hostPorts = new List<int>();
        foreach (var task in tasks)
        {
            Assert.Equal(("RUNNING", "RUNNING", (string?)primary["id"]), ((string?)task!["lastStatus"], (string?)task["desiredStatus"], (string?)task["startedBy"]));
            Assert.StartsWith("datetime:", (string)task["startedAt"]!, StringComparison.Ordinal);
            var binding = task["containers"]![0]!["networkBindings"]![0]!;
            Assert.Equal(("127.0.0.1", 8080, "tcp"), ((string?)binding["bindIP"], (int)binding["containerPort"]!, (string?)binding["protocol"]));
            hostPorts.Add((int)binding["hostPort"]!);
        }

        Assert.NotEqual(hostPorts[0], hostPorts[1]);
        foreach (var port in hostPorts)
            Assert.Equal("v2", await HttpdImage.GetVersionAsync(port));
    }
}

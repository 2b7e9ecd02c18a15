using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Slipway.Aws;
using Slipway.Aws.Ecs;

namespace Slipway.EcsDeploy.Tests.Deployments.Infrastructure;

/// <summary>
/// ECS answering from a script, for states the local platform does not reach (a bake time, an EXTERNAL controller, ECS's own
/// rolloutStateReason texts): each DescribeServices answers the next of <see cref="Describes"/>, each UpdateService the next of
/// <see cref="Updates"/> (the last one repeats). Shapes as the ECS API reference documents them; empty members left out, as AWS does.
/// </summary>
public sealed class ScriptedEcs : HttpMessageHandler
{
    private const string Account = "111111111111";
    private readonly List<(string Operation, JsonObject Body)> _calls = [];
    private int _describes;
    private int _updates;

    /// <summary>The service as each DescribeServices call sees it, in order.</summary>
    public required IReadOnlyList<JsonObject> Describes { get; init; }

    /// <summary>The service each UpdateService call returns, in order.</summary>
    public IReadOnlyList<JsonObject> Updates { get; init; } = [];

    /// <summary>The operations called, in order.</summary>
    public IReadOnlyList<string> Operations
    {
        get
        {
            lock (_calls)
                return [.. _calls.Select(call => call.Operation)];
        }
    }

    /// <summary>The bodies sent to <paramref name="operation"/>, in order.</summary>
    public IReadOnlyList<JsonObject> Bodies(string operation)
    {
        lock (_calls)
            return [.. _calls.Where(call => call.Operation == operation).Select(call => call.Body)];
    }

    /// <summary>A client sending through this script.</summary>
    public EcsClient Client() => new(new AwsClientOptions
    {
        Region = "us-east-1",
        ServiceUrl = "http://127.0.0.1:9",
        Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "secret"),
        HttpHandler = this,
    });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.Headers.GetValues("X-Amz-Target").Single();
        var operation = target[(target.LastIndexOf('.') + 1)..];
        var body = (JsonObject)JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
        lock (_calls)
            _calls.Add((operation, body));
        var response = operation switch
        {
            "DescribeServices" => new JsonObject { ["services"] = new JsonArray(Next(Describes, ref _describes).DeepClone()), ["failures"] = new JsonArray() },
            "UpdateService" => new JsonObject { ["service"] = Next(Updates, ref _updates).DeepClone() },
            "DeregisterTaskDefinition" => new JsonObject
            {
                ["taskDefinition"] = new JsonObject { ["taskDefinitionArn"] = Arn((string)body["taskDefinition"]!), ["status"] = "INACTIVE" },
            },
            _ => throw new InvalidOperationException($"The script has no answer for {operation}."),
        };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(response.ToJsonString(), Encoding.UTF8, "application/x-amz-json-1.1") };
    }

    private JsonObject Next(IReadOnlyList<JsonObject> states, ref int calls)
    {
        lock (_calls)
            return states.Count == 0 ? throw new InvalidOperationException("The script expects no such call.") : states[Math.Min(calls++, states.Count - 1)];
    }

    /// <summary>A task definition ARN of family "web".</summary>
    public static string Arn(string revision) => revision.StartsWith("arn:", StringComparison.Ordinal) ? revision : $"arn:aws:ecs:us-east-1:{Account}:task-definition/{revision}";

    /// <summary>A DescribeServices service member: ACTIVE, deployments newest first, events newest first.</summary>
    public static JsonObject Service(JsonObject[] deployments, JsonObject[]? events = null, string controller = "ECS", bool circuitBreaker = true)
    {
        var primary = deployments.First(deployment => (string)deployment["status"]! == "PRIMARY");
        var service = new JsonObject
        {
            ["serviceArn"] = $"arn:aws:ecs:us-east-1:{Account}:service/default/web",
            ["serviceName"] = "web",
            ["clusterArn"] = $"arn:aws:ecs:us-east-1:{Account}:cluster/default",
            ["status"] = "ACTIVE",
            ["taskDefinition"] = primary["taskDefinition"]!.DeepClone(),
            ["desiredCount"] = 1,
            ["runningCount"] = deployments.Sum(deployment => (int)deployment["runningCount"]!),
            ["pendingCount"] = 0,
            ["deploymentController"] = new JsonObject { ["type"] = controller },
            ["deploymentConfiguration"] = new JsonObject
            {
                ["deploymentCircuitBreaker"] = new JsonObject { ["enable"] = circuitBreaker, ["rollback"] = circuitBreaker },
                ["maximumPercent"] = 200,
                ["minimumHealthyPercent"] = 100,
            },
            ["deployments"] = new JsonArray([.. deployments.Select(deployment => (JsonNode)deployment.DeepClone())]),
        };
        if (events is { Length: > 0 })
            service["events"] = new JsonArray([.. events.Select(serviceEvent => (JsonNode)serviceEvent.DeepClone())]);
        return service;
    }

    /// <summary>A deployment member; rolloutStateReason only when given, as ECS leaves it out while it has none.</summary>
    public static JsonObject Deployment(string id, string status, string revision, string rolloutState, int running = 0, int failed = 0, string? reason = null,
        int minute = 0)
    {
        var deployment = new JsonObject
        {
            ["id"] = id,
            ["status"] = status,
            ["taskDefinition"] = Arn(revision),
            ["desiredCount"] = 1,
            ["pendingCount"] = 0,
            ["runningCount"] = running,
            ["failedTasks"] = failed,
            ["createdAt"] = 1_800_000_000 + minute * 60,
            ["updatedAt"] = 1_800_000_000 + minute * 60,
            ["launchType"] = "FARGATE",
            ["rolloutState"] = rolloutState,
        };
        if (reason is not null)
            deployment["rolloutStateReason"] = reason;
        return deployment;
    }

    /// <summary>A service event.</summary>
    public static JsonObject Event(string id, string message, int minute = 0) =>
        new() { ["id"] = id, ["createdAt"] = 1_800_000_000 + minute * 60, ["message"] = message };
}

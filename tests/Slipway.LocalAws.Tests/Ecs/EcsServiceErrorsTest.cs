using System.Text.Json.Nodes;
using Slipway.LocalAws.Tests.Ecs.Infrastructure;

namespace Slipway.LocalAws.Tests.Ecs;

/// <summary>Service calls that fail, and fail the way ECS does: the codes deploy tools match on.</summary>
public sealed class EcsServiceErrorsTest(HttpdImage image) : IClassFixture<HttpdImage>, IAsyncLifetime
{
    private EcsHarness _ecs = null!;

    public async Task InitializeAsync()
    {
        _ecs = new EcsHarness();
        await _ecs.RegisterHttpdAsync("errors", image, "v1", HttpdImage.FreePort());
    }

    public async Task DisposeAsync() => await _ecs.DisposeAsync();

    [Fact]
    public async Task TestDescribeServices_UnknownIsMissingFailure()
    {
        await CreateIdleAsync("known");

        var output = await _ecs.CallAsync("DescribeServices", new JsonObject { ["services"] = new JsonArray("known", "unknown") });

        Assert.Equal("known", (string?)output["services"]![0]!["serviceName"]);
        Assert.Equal($"arn:aws:ecs:{EcsHarness.Region}:{EcsHarness.AccountId}:service/default/unknown", (string?)output["failures"]![0]!["arn"]);
        Assert.Equal("MISSING", (string?)output["failures"]![0]!["reason"]);
    }

    [Fact]
    public async Task TestDescribeServices_MoreThanTenIsInvalidParameter()
    {
        var services = new JsonArray([.. Enumerable.Range(0, 11).Select(index => (JsonNode)$"service-{index}")]);

        await _ecs.FailAsync("DescribeServices", new JsonObject { ["services"] = services }, "InvalidParameterException");
    }

    [Fact]
    public async Task TestUpdateService_UnknownServiceOrCluster()
    {
        await _ecs.FailAsync("UpdateService", new JsonObject { ["service"] = "nowhere", ["desiredCount"] = 1 }, "ServiceNotFoundException");
        await _ecs.FailAsync("UpdateService", new JsonObject { ["cluster"] = "elsewhere", ["service"] = "nowhere" }, "ClusterNotFoundException");
        await _ecs.FailAsync("DescribeServices", new JsonObject { ["cluster"] = "elsewhere", ["services"] = new JsonArray("x") }, "ClusterNotFoundException");
    }

    [Fact]
    public async Task TestUpdateService_CodeDeployControllerIsInvalidParameter()
    {
        await _ecs.CallAsync("CreateService", new JsonObject
        {
            ["serviceName"] = "blue-green",
            ["taskDefinition"] = "errors:1",
            ["desiredCount"] = 0,
            ["deploymentController"] = new JsonObject { ["type"] = "CODE_DEPLOY" },
        });

        var error = await _ecs.FailAsync("UpdateService", new JsonObject { ["service"] = "blue-green", ["taskDefinition"] = "errors:1" }, "InvalidParameterException");
        await _ecs.FailAsync("UpdateService", new JsonObject { ["service"] = "blue-green", ["forceNewDeployment"] = true }, "InvalidParameterException");
        var scaled = await _ecs.CallAsync("UpdateService", new JsonObject { ["service"] = "blue-green", ["desiredCount"] = 0 });

        Assert.StartsWith("Unable to update task definition on services with a CODE_DEPLOY deployment controller.", error.Message);
        Assert.Equal("CODE_DEPLOY", (string?)scaled["service"]!["deploymentController"]!["type"]);
    }

    [Fact]
    public async Task TestCreateService_InvalidRequests()
    {
        await CreateIdleAsync("twice");

        await _ecs.FailAsync("CreateService", new JsonObject { ["serviceName"] = "twice", ["taskDefinition"] = "errors:1", ["desiredCount"] = 0 }, "InvalidParameterException");
        await _ecs.FailAsync("CreateService", new JsonObject { ["serviceName"] = "no-count", ["taskDefinition"] = "errors:1" }, "InvalidParameterException");
        await _ecs.FailAsync("CreateService", new JsonObject { ["serviceName"] = "no-def", ["taskDefinition"] = "missing:1", ["desiredCount"] = 0 }, "ClientException");
        await _ecs.FailAsync("CreateService", new JsonObject { ["cluster"] = "elsewhere", ["serviceName"] = "x", ["taskDefinition"] = "errors:1", ["desiredCount"] = 0 }, "ClusterNotFoundException");
        await _ecs.FailAsync("CreateService", new JsonObject
        {
            ["serviceName"] = "external", ["taskDefinition"] = "errors:1", ["desiredCount"] = 0, ["deploymentController"] = new JsonObject { ["type"] = "EXTERNAL" },
        }, "InvalidParameterException");
    }

    [Fact]
    public async Task TestDeleteService_ScaledAboveZeroNeedsForceAndThenIsNotActive()
    {
        await _ecs.CallAsync("CreateService", new JsonObject { ["serviceName"] = "scaled", ["taskDefinition"] = "errors:1", ["desiredCount"] = 1 });

        await _ecs.FailAsync("DeleteService", new JsonObject { ["service"] = "scaled" }, "InvalidParameterException");
        var deleted = await _ecs.CallAsync("DeleteService", new JsonObject { ["service"] = "scaled", ["force"] = true });
        await _ecs.FailAsync("UpdateService", new JsonObject { ["service"] = "scaled", ["desiredCount"] = 1 }, "ServiceNotActiveException");

        Assert.Equal("DRAINING", (string?)deleted["service"]!["status"]);
    }

    [Fact]
    public async Task TestCreateCluster_ServicesAreScopedToTheirCluster()
    {
        var cluster = await _ecs.CallAsync("CreateCluster", new JsonObject { ["clusterName"] = "staging" });
        await _ecs.CallAsync("CreateService", new JsonObject { ["cluster"] = "staging", ["serviceName"] = "scoped", ["taskDefinition"] = "errors:1", ["desiredCount"] = 0 });

        var inStaging = await _ecs.CallAsync("ListServices", new JsonObject { ["cluster"] = (string)cluster["cluster"]!["clusterArn"]! });
        var inDefault = await _ecs.CallAsync("DescribeServices", new JsonObject { ["services"] = new JsonArray("scoped") });
        var clusters = await _ecs.CallAsync("DescribeClusters", new JsonObject { ["clusters"] = new JsonArray("staging", "default", "gone") });

        Assert.Equal([$"arn:aws:ecs:{EcsHarness.Region}:{EcsHarness.AccountId}:service/staging/scoped"], inStaging["serviceArns"]!.AsArray().Select(arn => (string)arn!));
        Assert.Equal("MISSING", (string?)inDefault["failures"]![0]!["reason"]);
        Assert.Equal(["staging", "default"], clusters["clusters"]!.AsArray().Select(item => (string)item!["clusterName"]!));
        Assert.Equal(1, (int)clusters["clusters"]![0]!["activeServicesCount"]!);
        Assert.Single(clusters["failures"]!.AsArray());
    }

    [Fact]
    public async Task TestUnknownOperation_IsUnknownOperationException()
    {
        await _ecs.FailAsync("RunTask", [], "UnknownOperationException");
    }

    private Task<JsonObject> CreateIdleAsync(string name) =>
        _ecs.CallAsync("CreateService", new JsonObject { ["serviceName"] = name, ["taskDefinition"] = "errors:1", ["desiredCount"] = 0 });
}

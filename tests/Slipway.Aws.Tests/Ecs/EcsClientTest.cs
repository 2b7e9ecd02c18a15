using System.Text.Json.Nodes;
using Slipway.Aws.Ecs;
using Slipway.Aws.Tests.Infrastructure;

namespace Slipway.Aws.Tests.Ecs;

/// <summary>ECS service and task definition operations on the wire.</summary>
public class EcsClientTest : IDisposable
{
    private readonly TestEnvironment _environment = new();

    public void Dispose() => _environment.Dispose();

    private static JsonNode Body(RecordedRequest request) => JsonNode.Parse(request.BodyText)!;

    [Fact]
    public async Task TestDescribeServices_DeploymentsEventsAndFailures()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Json("""
            {"services":[{"serviceName":"web","status":"ACTIVE","taskDefinition":"arn:aws:ecs:eu-west-1:1:task-definition/web:42",
               "desiredCount":3,"runningCount":2,"pendingCount":1,"deploymentController":{"type":"ECS"},
               "deploymentConfiguration":{"deploymentCircuitBreaker":{"enable":true,"rollback":true},"maximumPercent":200,"minimumHealthyPercent":100,"alarms":{"enable":false}},
               "deployments":[
                 {"id":"ecs-svc/2","status":"PRIMARY","taskDefinition":"arn:aws:ecs:eu-west-1:1:task-definition/web:42","desiredCount":3,"runningCount":2,"pendingCount":1,"failedTasks":0,"rolloutState":"IN_PROGRESS","rolloutStateReason":"ECS deployment ecs-svc/2 in progress.","createdAt":1763800000},
                 {"id":"ecs-svc/1","status":"ACTIVE","taskDefinition":"arn:aws:ecs:eu-west-1:1:task-definition/web:41","desiredCount":0,"runningCount":1,"pendingCount":0,"failedTasks":2,"rolloutState":"COMPLETED"}],
               "events":[{"id":"e1","createdAt":1763800100.5,"message":"(service web) has started 1 tasks"}]}],
             "failures":[{"arn":"arn:aws:ecs:eu-west-1:1:service/prod/api","reason":"MISSING"}]}
            """));
        using var client = new EcsClient(_environment.LoopbackOptions(server));

        var result = await client.DescribeServicesAsync(new DescribeServicesRequest { Cluster = "prod", Services = ["web", "api"] });

        var service = Assert.Single(result.Services);
        Assert.Equal(("ecs-svc/2", "IN_PROGRESS"), (service.PrimaryDeployment?.Id, service.PrimaryDeployment?.RolloutState));
        Assert.Equal(new DeploymentCircuitBreaker(true, true), service.DeploymentConfiguration?.DeploymentCircuitBreaker);
        Assert.Equal("ECS", service.DeploymentController?.Type);
        Assert.Equal(2, service.Deployments[1].FailedTasks);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1763800100500), service.Events[0].CreatedAt);
        Assert.Equal("MISSING", Assert.Single(result.Failures).Reason);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"cluster":"prod","services":["web","api"]}"""), Body(server.Requests[0])));
    }

    [Fact]
    public async Task TestDescribeServices_ListsLeftOutReadAsEmpty()
    {
        // A service that never deployed, with no events, and no "failures" member: lists AWS may leave out.
        await using var server = new LoopbackServer((_, _) => StubResponse.Json("""{"services":[{"serviceName":"web","status":"ACTIVE","desiredCount":0}]}"""));
        using var client = new EcsClient(_environment.LoopbackOptions(server));

        var result = await client.DescribeServicesAsync(new DescribeServicesRequest { Services = ["web"] });

        var service = Assert.Single(result.Services);
        Assert.Empty(result.Failures);
        Assert.Empty(service.Deployments);
        Assert.Empty(service.Events);
        Assert.Null(service.PrimaryDeployment);
    }

    [Fact]
    public async Task TestListTaskDefinitions_EmptyResponseIsEmptyPage()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Json("{}"));
        using var client = new EcsClient(_environment.LoopbackOptions(server));

        var result = await client.ListTaskDefinitionsAsync(new ListTaskDefinitionsRequest { FamilyPrefix = "web" });

        Assert.Empty(result.TaskDefinitionArns);
        Assert.Null(result.NextToken);
    }

    [Fact]
    public async Task TestUpdateService_RequestJsonAndResult()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Json(
            """{"service":{"serviceName":"web","deployments":[{"id":"ecs-svc/3","status":"PRIMARY","rolloutState":"IN_PROGRESS"}]}}"""));
        using var client = new EcsClient(_environment.LoopbackOptions(server));

        var result = await client.UpdateServiceAsync(new UpdateServiceRequest
        {
            Service = "web", Cluster = "prod", TaskDefinition = "web:42", ForceNewDeployment = true,
            DeploymentConfiguration = new DeploymentConfiguration { DeploymentCircuitBreaker = new DeploymentCircuitBreaker(true, true) },
        });

        Assert.Equal("ecs-svc/3", result.Service?.PrimaryDeployment?.Id);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"service":"web","cluster":"prod","taskDefinition":"web:42","forceNewDeployment":true,
             "deploymentConfiguration":{"deploymentCircuitBreaker":{"enable":true,"rollback":true}}}
            """), Body(server.Requests[0])));
        Assert.Equal("AmazonEC2ContainerServiceV20141113.UpdateService", server.Requests[0].Header("X-Amz-Target"));
    }

    [Fact]
    public async Task TestUpdateService_CodeDeployServiceIsInvalidParameter()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Error(400, "InvalidParameterException",
            "Unable to update task definition on services with a CODE_DEPLOY deployment controller."));
        using var client = new EcsClient(_environment.LoopbackOptions(server));

        var error = await Assert.ThrowsAsync<InvalidParameterException>(
            () => client.UpdateServiceAsync(new UpdateServiceRequest { Service = "bluegreen", TaskDefinition = "web:42" }));

        Assert.Contains("CODE_DEPLOY", error.ServiceMessage);
        Assert.Equal(("ECS", "UpdateService"), (error.Service, error.Operation));
    }

    [Fact]
    public async Task TestListTaskDefinitions_RequestAndPage()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Json(
            """{"taskDefinitionArns":["arn:aws:ecs:eu-west-1:1:task-definition/web:42","arn:aws:ecs:eu-west-1:1:task-definition/web:41"],"nextToken":"n2"}"""));
        using var client = new EcsClient(_environment.LoopbackOptions(server));

        var result = await client.ListTaskDefinitionsAsync(new ListTaskDefinitionsRequest { FamilyPrefix = "web", Sort = "DESC", Status = "ACTIVE" });

        Assert.Equal(2, result.TaskDefinitionArns.Count);
        Assert.Equal("n2", result.NextToken);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"familyPrefix":"web","status":"ACTIVE","sort":"DESC"}"""), Body(server.Requests[0])));
    }

    [Fact]
    public async Task TestDeregisterTaskDefinition_ReturnsInactiveRevision()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Json(
            """{"taskDefinition":{"family":"web","revision":40,"status":"INACTIVE","containerDefinitions":[{"name":"web","image":"web:1"}],"deregisteredAt":1763900000}}"""));
        using var client = new EcsClient(_environment.LoopbackOptions(server));

        var result = await client.DeregisterTaskDefinitionAsync(new DeregisterTaskDefinitionRequest { TaskDefinition = "web:40" });

        Assert.Equal(("web", 40, "INACTIVE"), (result.Family, result.Revision, result.Status));
        Assert.Equal("""{"taskDefinition":"web:40"}""", server.Requests[0].BodyText);
    }

    [Fact]
    public async Task TestDescribeTaskDefinition_UnknownIsClientException()
    {
        await using var server = new LoopbackServer((_, _) => StubResponse.Error(400, "ClientException", "Unable to describe task definition.", "rid-td"));
        using var client = new EcsClient(_environment.LoopbackOptions(server));

        var error = await Assert.ThrowsAsync<ClientException>(
            () => client.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = "nope" }));

        Assert.Equal("rid-td", error.RequestId);
    }
}

using Slipway.Aws.Ecs;
using Slipway.Aws.Tests.Infrastructure;

namespace Slipway.Aws.Tests.Ecs;

/// <summary>Where a service answers, from DescribeServices, ListTasks and DescribeTasks on the wire: a RUNNING task of the PRIMARY deployment's revision.</summary>
public class EcsServiceEndpointTest : IDisposable
{
    private readonly TestEnvironment _environment = new();

    public void Dispose() => _environment.Dispose();

    [Fact]
    public async Task TestFind_PicksARunningTaskOfThePrimaryRevisionWhileTheOldOneStillRuns()
    {
        await using var server = new LoopbackServer((request, _) => request.Header("X-Amz-Target") switch
        {
            "AmazonEC2ContainerServiceV20141113.DescribeServices" => StubResponse.Json("""
                {"services":[{"serviceName":"web","deployments":[
                  {"id":"ecs-svc/2","status":"PRIMARY","taskDefinition":"arn:aws:ecs:us-east-1:1:task-definition/web:2","rolloutState":"IN_PROGRESS"},
                  {"id":"ecs-svc/1","status":"ACTIVE","taskDefinition":"arn:aws:ecs:us-east-1:1:task-definition/web:1","rolloutState":"COMPLETED"}]}],"failures":[]}
                """),
            "AmazonEC2ContainerServiceV20141113.ListTasks" => StubResponse.Json("""{"taskArns":["t-old","t-pending","t-new"]}"""),
            _ => StubResponse.Json("""
                {"tasks":[
                  {"taskArn":"t-old","taskDefinitionArn":"arn:aws:ecs:us-east-1:1:task-definition/web:1","lastStatus":"RUNNING","startedAt":1763800000,
                   "containers":[{"name":"web","networkBindings":[{"bindIP":"127.0.0.1","containerPort":8080,"hostPort":32001,"protocol":"tcp"}]}]},
                  {"taskArn":"t-pending","taskDefinitionArn":"arn:aws:ecs:us-east-1:1:task-definition/web:2","lastStatus":"PENDING",
                   "containers":[{"name":"web","networkBindings":[]}]},
                  {"taskArn":"t-new","taskDefinitionArn":"arn:aws:ecs:us-east-1:1:task-definition/web:2","lastStatus":"RUNNING","startedAt":1763800100,
                   "containers":[{"name":"sidecar"},{"name":"web","networkBindings":[{"bindIP":"0.0.0.0","containerPort":9090,"hostPort":32005,"protocol":"tcp"},
                     {"bindIP":"0.0.0.0","containerPort":8080,"hostPort":32002,"protocol":"tcp"}]}]}],"failures":[]}
                """),
        });
        using var client = new EcsClient(_environment.LoopbackOptions(server));

        var endpoint = await EcsServiceEndpoint.FindAsync(client, "prod", "web", "web", containerPort: 8080);

        Assert.Equal(new EcsServiceEndpoint(new Uri("http://127.0.0.1:32002"), "t-new", "arn:aws:ecs:us-east-1:1:task-definition/web:2"), endpoint);
        Assert.Equal(new Uri("http://127.0.0.1:32005"), (await EcsServiceEndpoint.FindAsync(client, "prod", "web", "web"))!.Url);
    }
}

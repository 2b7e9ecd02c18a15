namespace Slipway.Components.Tests.Deploy;

/// <summary>Deploy on a fresh platform: the environment's service definition creates the cluster and the service, which then serves.</summary>
public sealed class DeployCreateTest
{
    [Fact]
    public async Task TestDeploy_FreshPlatformWithServiceDefinition_CreatesClusterAndServiceAndServes()
    {
        var cluster = $"fresh-{Guid.NewGuid():N}"[..14];
        await using var deploy = DeployRepository.CreateWith(service => $$"""
            {
              "defaults": { "platform": "local", "account": "development", "cluster": "{{cluster}}", "service": "{{service}}", "repository": "svc",
                            "containers": ["app"], "taskDefinitionTemplate": "taskdef.json", "serviceDefinition": "service.json" },
              "environments": { "development": {}, "staging": {}, "production": { "account": "production" } }
            }
            """, ("deploy/service.json", """{ "desiredCount": 1, "deploymentConfiguration": { "deploymentCircuitBreaker": { "enable": true, "rollback": true } } }"""));

        var run = deploy.Run("Deploy");

        Assert.True(run.Code == 0, run.Output);
        var deployed = ((IDeploy)run.Build).Deployed!;
        Assert.True(deployed is { Status: EcsDeploy.Deployments.DeployStatus.Deployed, Created: true }, deployed.Describe());
        Assert.Contains("checkout", run.Build.Served);
        Assert.Contains("CreateCluster", run.Build.Calls.Operations);
        Assert.Contains("CreateService", run.Build.Calls.Operations);
    }
}

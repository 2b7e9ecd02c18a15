using Slipway.EcsDeploy.Environments;

namespace Slipway.EcsDeploy.Tests.Environments;

public sealed class EnvironmentsFileTest
{
    [Fact]
    public void TestLoad_FullFile()
    {
        using var repository = new ServiceRepository().Environments(ServiceRepository.Example("example.environments.json"));

        var file = repository.Load();

        Assert.Equal("deploy/environments.json", file.DisplayPath);
        Assert.Equal(["development", "staging", "production"], file.Environments.Keys);
        Assert.Equivalent(
            new DeploymentEnvironment("production", DeploymentPlatform.Aws, "210987654321", "arn:aws:iam::210987654321:role/deploy", "eu-west-1",
                "210987654321.dkr.ecr.eu-west-1.amazonaws.com", "orders", "prod", "orders", ["app"], Path.Combine(repository.Root, "deploy", "taskdef.json")),
            file.Get("production"),
            strict: true);
    }

    [Fact]
    public void TestLoad_DefaultsInherited()
    {
        using var repository = new ServiceRepository().Environments(ServiceRepository.Example("example.environments.json"));

        var staging = repository.Load().Get("staging");

        Assert.Equal("123456789012", staging.Account);
        Assert.Equal("eu-west-1", staging.Region);
        Assert.Null(staging.RoleArn);
        Assert.Equal("123456789012.dkr.ecr.eu-west-1.amazonaws.com", staging.Registry);
        Assert.Equal("staging", staging.Cluster);
        Assert.Equal(["app"], staging.Containers);
    }

    [Fact]
    public void TestLoad_ComputedDefaults()
    {
        using var repository = new ServiceRepository("Orders_Service").Environments("""
            { "environments": { "development": { "account": "123456789012" } } }
            """);

        var development = repository.Load().Get("development");

        Assert.Equal(DeploymentPlatform.Aws, development.Platform);
        Assert.Equal("orders_service", development.Repository);
        Assert.Null(development.Registry); // no region: the registry is not guessed
        Assert.Null(development.TaskDefinitionTemplate);
        Assert.Empty(development.Containers);
    }

    [Fact]
    public void TestLoad_LocalPlatform()
    {
        using var repository = new ServiceRepository().Environments(ServiceRepository.Example("example.local.environments.json"));

        var production = repository.Load().Get("production");

        Assert.Equal(DeploymentPlatform.Local, production.Platform);
        Assert.Equal("production", production.Account);
        Assert.Null(production.Registry);
    }

    [Fact]
    public void TestLoad_CommentsAndTrailingCommas()
    {
        using var repository = new ServiceRepository().Environments("""
            // comment
            {
              /* block */ "environments": {
                "development": { "cluster": "dev", }, // trailing comma
              },
            }
            """);

        Assert.Equal("dev", repository.Load().Get("development").Cluster);
    }

    [Fact]
    public void TestLoad_OtherPath()
    {
        using var repository = new ServiceRepository().Write(".slipway/envs.json", """{ "environments": { "qa": { "taskDefinitionTemplate": "../deploy/taskdef.json" } } }""");

        var file = EnvironmentsFile.Load(repository.Root, ".slipway/envs.json");

        Assert.Equal(".slipway/envs.json", file.DisplayPath);
        Assert.Equal(Path.Combine(repository.Root, "deploy", "taskdef.json"), file.Get("qa").TaskDefinitionTemplate);
    }
}

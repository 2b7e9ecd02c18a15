using Slipway.EcsDeploy.Environments;

namespace Slipway.EcsDeploy.Tests.Environments;

public sealed class EnvironmentOverridesTest
{
    private static readonly string Example = ServiceRepository.Example("example.environments.json");

    [Fact]
    public void TestOverride_OneEnvironment()
    {
        using var repository = new ServiceRepository().Environments(Example);

        var file = repository.Load().WithOverrides(new Dictionary<string, string> { ["staging.cluster"] = "qa", ["staging.containers"] = "app, proxy" });

        Assert.Equal("qa", file.Get("staging").Cluster);
        Assert.Equal(["app", "proxy"], file.Get("staging").Containers);
        Assert.Equal("dev", file.Get("development").Cluster);
    }

    [Fact]
    public void TestOverride_EveryEnvironment_OwnOverrideWins()
    {
        using var repository = new ServiceRepository().Environments(Example);

        var file = repository.Load().WithOverrides(new Dictionary<string, string> { ["cluster"] = "shared", ["production.cluster"] = "prod-2", ["platform"] = "local" });

        Assert.Equal("shared", file.Get("development").Cluster);
        Assert.Equal("shared", file.Get("staging").Cluster);
        Assert.Equal("prod-2", file.Get("production").Cluster);
        Assert.Equal(DeploymentPlatform.Local, file.Get("staging").Platform);
    }

    [Fact]
    public void TestOverride_LaterCallsAdd()
    {
        using var repository = new ServiceRepository().Environments(Example);

        var file = repository.Load()
            .WithOverrides(new Dictionary<string, string> { ["staging.cluster"] = "qa" })
            .WithOverrides(new Dictionary<string, string> { ["staging.service"] = "orders-qa" });

        Assert.Equal(("qa", "orders-qa"), (file.Get("staging").Cluster, file.Get("staging").Service));
    }

    [Fact]
    public void TestOverride_Errors_AllAtOnce()
    {
        using var repository = new ServiceRepository().Environments(Example);
        var overrides = new Dictionary<string, string>
        {
            ["stagin.cluster"] = "x",
            ["staging.clustr"] = "x",
            ["platform"] = "azure",
            ["service"] = " ",
        };

        var error = Assert.Throws<EnvironmentsFileException>(() => repository.Load().WithOverrides(overrides, "parameter"));

        Assert.Equal(
            [
                "parameter 'platform': 'azure' is not a platform. Platforms: aws, local.",
                "parameter 'service': empty: give a value, or leave the override out to use the file's",
                "parameter 'stagin.cluster': environment 'stagin' is not in deploy/environments.json. Did you mean 'staging'? Environments: development, staging, production.",
                "parameter 'staging.clustr': unknown key. Did you mean 'staging.cluster'? Keys: platform, account, roleArn, region, registry, repository, cluster, service, containers, taskDefinitionTemplate, serviceDefinition, each alone or after an environment's name and a dot (e.g. 'staging.cluster').",
            ],
            error.Problems);
    }

    [Fact]
    public void TestOverride_WrongValue_NamesTheParameter()
    {
        using var repository = new ServiceRepository().Environments(Example);

        var error = Assert.Throws<EnvironmentsFileException>(() => repository.Load().WithOverrides(new Dictionary<string, string> { ["production.account"] = "prod" }, "parameter"));

        Assert.Equal(
            "parameter 'production.account': 'prod' is not an AWS account id: expected 12 digits (on the local platform, set \"platform\": \"local\" to use an account name)",
            Assert.Single(error.Problems));
    }
}

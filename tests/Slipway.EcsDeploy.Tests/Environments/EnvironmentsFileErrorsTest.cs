using Slipway.EcsDeploy.Environments;

namespace Slipway.EcsDeploy.Tests.Environments;

public sealed class EnvironmentsFileErrorsTest
{
    [Fact]
    public void TestLoad_InvalidJson()
    {
        using var repository = new ServiceRepository().Environments("""
            {
              "environments": {
                "development": { "cluster": "dev" }
                "staging": {}
              }
            }
            """);

        var error = Assert.Throws<EnvironmentsFileException>(repository.Load);

        Assert.StartsWith("deploy/environments.json(4,5): invalid JSON: ", error.Message);
        Assert.DoesNotContain("LineNumber", error.Message);
    }

    [Fact]
    public void TestLoad_Missing()
    {
        using var repository = new ServiceRepository();

        var error = Assert.Throws<EnvironmentsFileException>(repository.Load);

        Assert.StartsWith($"deploy/environments.json: the environments file does not exist in '{repository.Root}': create it", error.Message);
    }

    [Fact]
    public void TestLoad_WrongTypes_AllAtOnce()
    {
        using var repository = new ServiceRepository().Environments("""
            {
              "defaults": { "containers": "app" },
              "environments": {
                "development": { "cluster": 12 },
                "staging": { "service": "" },
                "production": []
              }
            }
            """);

        var error = Assert.Throws<EnvironmentsFileException>(repository.Load);

        Assert.Equal(
            [
                """deploy/environments.json(2,31): 'defaults.containers': expected an array of one or more container names, e.g. ["app"]""",
                "deploy/environments.json(4,33): 'development.cluster': expected a string",
                "deploy/environments.json(5,29): 'staging.service': expected a non-empty string (leave the key out to use the default)",
                """deploy/environments.json(6,19): 'production': expected an object of settings, e.g. { "cluster": "orders" }""",
            ],
            error.Problems);
        Assert.StartsWith("deploy/environments.json has 4 problems:\n  deploy/environments.json(2,31)", error.Message.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void TestLoad_UnknownKey_DidYouMean()
    {
        using var repository = new ServiceRepository().Environments("""
            {
              "environments": {
                "staging": {
                  "clustr": "staging"
                }
              }
            }
            """);

        var error = Assert.Throws<EnvironmentsFileException>(repository.Load);

        Assert.Equal(
            "deploy/environments.json(4,7): 'staging.clustr': unknown key. Did you mean 'staging.cluster'? " +
            "Known keys: platform, account, roleArn, region, registry, repository, cluster, service, containers, taskDefinitionTemplate, serviceDefinition.",
            error.Message);
    }

    [Fact]
    public void TestLoad_UnknownTopLevelKey_DidYouMean()
    {
        using var repository = new ServiceRepository().Environments("""
            { "enviroments": {} }
            """);

        var error = Assert.Throws<EnvironmentsFileException>(repository.Load);

        Assert.Equal(
            [
                "deploy/environments.json(1,3): 'enviroments': unknown key. Did you mean 'environments'? The file holds \"defaults\" and \"environments\".",
                "deploy/environments.json(1,1): no \"environments\": add \"environments\": { \"development\": { ... } } with the environments the branches deploy to",
            ],
            error.Problems);
    }

    [Fact]
    public void TestLoad_UnknownPlatform_ListsAllowed()
    {
        using var repository = new ServiceRepository().Environments("""
            { "environments": { "development": { "platform": "lcoal" } } }
            """);

        var error = Assert.Throws<EnvironmentsFileException>(repository.Load);

        Assert.Equal("deploy/environments.json(1,50): 'development.platform': 'lcoal' is not a platform. Did you mean 'local'? Platforms: aws, local.", error.Message);
    }

    [Fact]
    public void TestLoad_KeyWrittenTwice()
    {
        using var repository = new ServiceRepository().Environments("""
            {
              "environments": {
                "staging": { "cluster": "a",
                             "cluster": "b" }
              }
            }
            """);

        var error = Assert.Throws<EnvironmentsFileException>(repository.Load);

        Assert.Equal("deploy/environments.json(4,18): 'staging.cluster': written twice (first on line 3): keep one", error.Message);
    }

    [Fact]
    public void TestLoad_WrongValues_NameWhereWritten()
    {
        using var repository = new ServiceRepository().Environments("""
            {
              "defaults": { "region": "eu-west", "account": "1234" },
              "environments": {
                "development": {},
                "production": { "account": "210987654321", "roleArn": "arn:aws:iam::123456789012:role/deploy", "repository": "Orders" }
              }
            }
            """);

        var error = Assert.Throws<EnvironmentsFileException>(repository.Load);

        Assert.Equal(
            [
                "deploy/environments.json(2,49): 'defaults.account': '1234' is not an AWS account id: expected 12 digits (on the local platform, set \"platform\": \"local\" to use an account name)",
                "deploy/environments.json(2,27): 'defaults.region': 'eu-west' is not an AWS region: expected a name such as 'eu-west-1' or 'us-east-1'",
                "deploy/environments.json(5,59): 'production.roleArn': the role is in account 123456789012, but the environment's account is 210987654321: assume a role in the account deployed to",
                "deploy/environments.json(5,114): 'production.repository': 'Orders' is not a repository name: 2 to 256 characters of lower-case letters, digits and . _ - /, starting with a letter or digit, e.g. 'orders' or 'team/orders'",
            ],
            error.Problems);
    }

    [Fact]
    public void TestRequire_AllMissingValuesAtOnce()
    {
        using var repository = new ServiceRepository().Environments("""
            {
              "defaults": { "account": "123456789012", "containers": ["app"] },
              "environments": {
                "development": { "cluster": "dev" },
                "staging": { }
              }
            }
            """);
        var file = repository.Load();

        var error = Assert.Throws<EnvironmentsFileException>(() => file.Require("staging", EnvironmentNeeds.Deploy | EnvironmentNeeds.Region, "the targets Deploy, RegisterTaskDef"));

        Assert.Equal(
            """
            deploy/environments.json: environment 'staging' is not ready for the targets Deploy, RegisterTaskDef:
              deploy/environments.json(5,5): 'staging.region' is missing: The AWS region, e.g. 'eu-west-1'. Default: the AWS configuration's (AWS_REGION, the profile). Add "region" to "staging" (or to "defaults" for every environment), or pass 'staging.region=...' as an override.
              deploy/environments.json(5,5): 'staging.cluster' is missing: The ECS cluster the service runs in. Add "cluster" to "staging" (or to "defaults" for every environment), or pass 'staging.cluster=...' as an override.
              deploy/environments.json(5,5): 'staging.service' is missing: The ECS service to deploy. Add "service" to "staging" (or to "defaults" for every environment), or pass 'staging.service=...' as an override.
              deploy/environments.json(5,5): 'staging.taskDefinitionTemplate' is missing: The task definition template (JSON with ${...} variables), relative to this file, e.g. 'taskdef.json'. Add "taskDefinitionTemplate" to "staging" (or to "defaults" for every environment), or pass 'staging.taskDefinitionTemplate=...' as an override.
            """,
            error.Message.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void TestRequire_Satisfied()
    {
        using var repository = new ServiceRepository().Environments(ServiceRepository.Example("example.environments.json")).Write("deploy/taskdef.json", "{}");

        var staging = repository.Load().Require("staging", EnvironmentNeeds.Deploy | EnvironmentNeeds.Push | EnvironmentNeeds.Region);

        Assert.Equal("staging", staging.Cluster);
    }

    [Fact]
    public void TestRequire_LocalPlatformNeedsNoRegistryOrRegion()
    {
        using var repository = new ServiceRepository().Environments(ServiceRepository.Example("example.local.environments.json")).Write("deploy/taskdef.json", "{}");

        var development = repository.Load().Require("development", EnvironmentNeeds.Deploy | EnvironmentNeeds.Push | EnvironmentNeeds.Region);

        Assert.Null(development.Registry);
    }

    [Fact]
    public void TestRequire_TemplateFileMissing()
    {
        using var repository = new ServiceRepository().Environments("""
            { "environments": { "development": { "taskDefinitionTemplate": "taskdef.json" } } }
            """);

        var error = Assert.Throws<EnvironmentsFileException>(() => repository.Load().Require("development", EnvironmentNeeds.TaskDefinitionTemplate));

        Assert.Equal(
            "deploy/environments.json(1,64): 'development.taskDefinitionTemplate': 'taskdef.json' does not exist (the path is relative to deploy/environments.json's folder): write the template there, or correct the path.",
            Assert.Single(error.Problems));
    }

    [Fact]
    public void TestRequire_UnknownEnvironment()
    {
        using var repository = new ServiceRepository().Environments("""
            { "environments": { "development": {}, "stagin": {} } }
            """);

        var error = Assert.Throws<EnvironmentsFileException>(() => repository.Load().Require("staging", EnvironmentNeeds.None));

        Assert.Equal(
            "deploy/environments.json: environment 'staging' is not in the file (it has 'development', 'stagin'). Did you mean 'stagin'? Add \"staging\": { ... } to \"environments\"",
            error.Message);
    }
}

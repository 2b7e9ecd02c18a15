using System.Text.Json.Nodes;
using Slipway.EcsDeploy.Environments;

namespace Slipway.Pipeline.Tests.Sample;

/// <summary>The sample's environments file and task definition template, read by the libraries RegisterTaskDef and Deploy use.</summary>
public sealed class SampleFilesTest
{
    private const string Image = "127.0.0.1:5000/slipway-sample@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public static TheoryData<string, string, string> Environments => new()
    {
        { EnvironmentNames.Development, "development", "development" },
        { EnvironmentNames.Staging, "development", "staging" },
        { EnvironmentNames.Production, "production", "production" },
    };

    public static TheoryData<string> Names => [EnvironmentNames.Development, EnvironmentNames.Staging, EnvironmentNames.Production];

    [Theory]
    [MemberData(nameof(Environments))]
    public void TestEnvironmentsFile_EachEnvironment_HasEverythingPushAndDeployNeedOnTheLocalPlatform(string name, string account, string cluster)
    {
        var environment = SampleService.Environments().Require(name, EnvironmentNeeds.Deploy | EnvironmentNeeds.Push, "the sample's test");

        Assert.Equal(DeploymentPlatform.Local, environment.Platform);
        Assert.Equal((account, cluster, "slipway-sample", "slipway-sample"), (environment.Account, environment.Cluster, environment.Service, environment.Repository));
        Assert.Equal(["web"], environment.Containers);
        Assert.Equal(Path.Combine(SampleService.Folder, "deploy", "taskdef.json"), environment.TaskDefinitionTemplate);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task TestTemplate_RenderedForEachEnvironment_RunsTheImageWithItsVersionADynamicPortAHealthCheckAndASecretReference(string name)
    {
        var environment = SampleService.Environments().Get(name);

        var definition = await SampleService.Template(environment, SampleService.Variables(Image, "1.4.0", "0123abc", name)).RenderAsync();

        Assert.Equal($"slipway-sample-{name}", definition.Family);
        var web = definition.ContainerDefinitions.Single();
        Assert.Equal(("web", Image), (web.Name, web.Image));
        var json = web.Json;
        var variables = json["environment"]!.AsArray().ToDictionary(x => (string)x!["name"]!, x => (string)x!["value"]!);
        Assert.Equal("1.4.0", variables["SERVICE_VERSION"]);
        Assert.Equal("0123abc", variables["SERVICE_COMMIT"]);
        Assert.Equal(name, variables["DEPLOYMENT_ENVIRONMENT"]);
        Assert.Equal("8080", variables["PORT"]);
        var port = json["portMappings"]!.AsArray().Single()!;
        Assert.Equal((8080, 0), ((int)port["containerPort"]!, (int)port["hostPort"]!));
        Assert.Equal("CMD-SHELL", (string)json["healthCheck"]!["command"]![0]!);
        var secret = (JsonObject)json["secrets"]!.AsArray().Single()!;
        Assert.Equal(("API_TOKEN", "/slipway-sample/api-token"), ((string)secret["name"]!, (string)secret["valueFrom"]!));
        Assert.False(secret.ContainsKey("value"));
    }

    [Fact]
    public void TestSchema_CommittedBesideTheEnvironmentsFile_IsTheOneTheLibraryWrites()
    {
        var written = Path.Combine(Directory.CreateTempSubdirectory("slipway-sample-schema-").FullName, "environments.schema.json");
        try
        {
            EnvironmentsFile.WriteSchema(written);

            var committed = Path.Combine(SampleService.Folder, EnvironmentsFile.DefaultSchemaPath);
            Assert.True(File.Exists(committed) && File.ReadAllText(committed) == File.ReadAllText(written),
                $"'{committed}' is not the schema the library writes: copy '{written}' over it (the Deploy targets refresh it too).");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(written)!, recursive: true);
        }
    }
}

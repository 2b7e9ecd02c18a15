using System.Text.Json.Nodes;
using Slipway.Aws.Ecs;
using Slipway.EcsDeploy.TaskDefinitions;

namespace Slipway.EcsDeploy.Tests.TaskDefinitions;

public sealed class ServiceAddressTest
{
    private static TaskDefinition Definition(string containers) =>
        new((JsonObject)JsonNode.Parse($$"""{"family":"svc","networkMode":"host","containerDefinitions":{{containers}}}""")!);

    [Fact]
    public void TestOnLocalPlatform_NamedContainersPortMapping()
    {
        var definition = Definition("""[{"name":"log","portMappings":[{"containerPort":9000}]},{"name":"app","portMappings":[{"containerPort":8080}]}]""");

        Assert.Equal(new Uri("http://127.0.0.1:8080/"), ServiceAddress.OnLocalPlatform(definition, ["app"]));
        Assert.Equal(new Uri("http://127.0.0.1:9000/"), ServiceAddress.OnLocalPlatform(definition, []));
    }

    [Fact]
    public void TestOnLocalPlatform_HostPortWins()
    {
        var definition = Definition("""[{"name":"app","portMappings":[{"containerPort":80,"hostPort":18080}]}]""");

        Assert.Equal(new Uri("http://127.0.0.1:18080/"), ServiceAddress.OnLocalPlatform(definition, ["app"]));
    }

    [Fact]
    public void TestOnLocalPlatform_NoPortMapping_Null()
    {
        Assert.Null(ServiceAddress.OnLocalPlatform(Definition("""[{"name":"app"}]"""), ["app"]));
    }
}

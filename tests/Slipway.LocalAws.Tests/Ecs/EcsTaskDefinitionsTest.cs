using System.Text.Json.Nodes;
using Slipway.LocalAws.Tests.Ecs.Infrastructure;

namespace Slipway.LocalAws.Tests.Ecs;

/// <summary>Task definitions: revisions per family, ECS's read-only fields, describe/list/deregister semantics and validation; no engine needed.</summary>
public sealed class EcsTaskDefinitionsTest : IAsyncLifetime
{
    private EcsHarness _ecs = null!;

    public Task InitializeAsync()
    {
        _ecs = new EcsHarness();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ecs.DisposeAsync();

    [Fact]
    public async Task TestRegisterTaskDefinition_RevisionsIncrementPerFamilyWithReadOnlyFields()
    {
        var first = await RegisterAsync("api", tags: new JsonArray(new JsonObject { ["key"] = "team", ["value"] = "checkout" }));
        var second = await RegisterAsync("api");
        var other = await RegisterAsync("worker");

        var definition = first["taskDefinition"]!;
        Assert.Equal(EcsHarness.TaskDefinitionArn("api", 1), (string?)definition["taskDefinitionArn"]);
        Assert.Equal((1, "ACTIVE", "api"), ((int)definition["revision"]!, (string?)definition["status"], (string?)definition["family"]));
        Assert.InRange((double)definition["registeredAt"]!, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        Assert.Equal($"arn:aws:iam::{EcsHarness.AccountId}:root", (string?)definition["registeredBy"]);
        Assert.Equal(["EC2"], definition["compatibilities"]!.AsArray().Select(item => (string)item!));
        Assert.Contains("ecs.capability.container-health-check", definition["requiresAttributes"]!.AsArray().Select(item => (string)item!["name"]!));
        Assert.Equal("checkout", (string?)first["tags"]![0]!["value"]);
        Assert.Equal(2, (int)second["taskDefinition"]!["revision"]!);
        Assert.Equal(1, (int)other["taskDefinition"]!["revision"]!);
    }

    [Fact]
    public async Task TestRegisterTaskDefinition_FillsDefaultsAndIgnoresUnknownMembers()
    {
        var output = await _ecs.CallAsync("RegisterTaskDefinition", new JsonObject
        {
            ["family"] = "defaults",
            ["networkMode"] = "host",
            ["madeUpMember"] = "ignored",
            ["containerDefinitions"] = new JsonArray(new JsonObject
            {
                ["name"] = "web",
                ["image"] = "example/web:1",
                ["portMappings"] = new JsonArray(new JsonObject { ["containerPort"] = 8080 }),
            }),
        });

        var definition = output["taskDefinition"]!.AsObject();
        var container = definition["containerDefinitions"]![0]!;
        Assert.False(definition.ContainsKey("madeUpMember"));
        Assert.True((bool)container["essential"]!);
        Assert.Equal((8080, 8080, "tcp"), ((int)container["portMappings"]![0]!["containerPort"]!, (int)container["portMappings"]![0]!["hostPort"]!,
            (string?)container["portMappings"]![0]!["protocol"]));
        Assert.Empty(definition["volumes"]!.AsArray());
        Assert.Empty(definition["requiresAttributes"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"containerDefinitions":[{"name":"web","image":"x"}]}""", "Family must not be null or empty.")]
    [InlineData("""{"family":"has space","containerDefinitions":[{"name":"web","image":"x"}]}""", "Family 'has space' is not valid")]
    [InlineData("""{"family":"f","containerDefinitions":[]}""", "Container list cannot be empty.")]
    [InlineData("""{"family":"f","containerDefinitions":[{"name":"web"}]}""", "Container.image should not be null or empty")]
    [InlineData("""{"family":"f","containerDefinitions":[{"image":"x"}]}""", "Container.name should not be null or empty.")]
    [InlineData("""{"family":"f","containerDefinitions":[{"name":"a","image":"x"},{"name":"a","image":"y"}]}""", "Container names must be unique")]
    [InlineData("""{"family":"f","containerDefinitions":[{"name":"a","image":"x","essential":false}]}""", "at least one essential container")]
    [InlineData("""{"family":"f","containerDefinitions":[{"name":"a","image":"x","healthCheck":{"command":["CMD-SHELL","true"],"interval":1}}]}""", "interval must be 5 to 300 seconds")]
    [InlineData("""{"family":"f","containerDefinitions":[{"name":"a","image":"x","healthCheck":{"command":["true"]}}]}""", "must start with \"CMD\" or \"CMD-SHELL\"")]
    [InlineData("""{"family":"f","networkMode":"host","containerDefinitions":[{"name":"a","image":"x","portMappings":[{"containerPort":80,"hostPort":81}]}]}""", "must match")]
    public async Task TestRegisterTaskDefinition_InvalidIsClientException(string input, string message)
    {
        var error = await _ecs.FailAsync("RegisterTaskDefinition", JsonNode.Parse(input)!.AsObject(), "ClientException");

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task TestDescribeTaskDefinition_ByFamilyRevisionOrArnWithTagsOnRequest()
    {
        await RegisterAsync("describe", tags: new JsonArray(new JsonObject { ["key"] = "tier", ["value"] = "web" }));
        await RegisterAsync("describe");

        var latest = await _ecs.CallAsync("DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = "describe" });
        var first = await _ecs.CallAsync("DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = "describe:1", ["include"] = new JsonArray("TAGS") });
        var byArn = await _ecs.CallAsync("DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = EcsHarness.TaskDefinitionArn("describe", 2) });

        Assert.Equal(2, (int)latest["taskDefinition"]!["revision"]!);
        Assert.False(latest.ContainsKey("tags"));
        Assert.Equal("web", (string?)first["tags"]![0]!["value"]);
        Assert.Equal(1, (int)first["taskDefinition"]!["revision"]!);
        Assert.Equal(2, (int)byArn["taskDefinition"]!["revision"]!);
        foreach (var name in new[] { "describe:3", "missing", "arn:aws:ecs:us-east-1:999999999999:task-definition/describe:1" })
            await _ecs.FailAsync("DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = name }, "ClientException");
    }

    [Fact]
    public async Task TestDeregisterTaskDefinition_InactiveButDescribableAndNotLatest()
    {
        await RegisterAsync("retire");
        await RegisterAsync("retire");

        var output = await _ecs.CallAsync("DeregisterTaskDefinition", new JsonObject { ["taskDefinition"] = "retire:2" });
        var latest = await _ecs.CallAsync("DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = "retire" });
        var retired = await _ecs.CallAsync("DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = "retire:2" });

        Assert.Equal("INACTIVE", (string?)output["taskDefinition"]!["status"]);
        Assert.NotNull(output["taskDefinition"]!["deregisteredAt"]);
        Assert.Equal(1, (int)latest["taskDefinition"]!["revision"]!);
        Assert.Equal("INACTIVE", (string?)retired["taskDefinition"]!["status"]);
        await _ecs.FailAsync("DeregisterTaskDefinition", new JsonObject { ["taskDefinition"] = "retire" }, "ClientException");
        await _ecs.FailAsync("CreateService", new JsonObject { ["serviceName"] = "s", ["taskDefinition"] = "retire:2", ["desiredCount"] = 0 }, "ClientException");
    }

    [Fact]
    public async Task TestListTaskDefinitions_FiltersSortsAndPages()
    {
        foreach (var name in new[] { "list-b", "list-a", "list-b", "list-a", "list-a", "list-ab" })
            await RegisterAsync(name);
        await _ecs.CallAsync("DeregisterTaskDefinition", new JsonObject { ["taskDefinition"] = "list-a:2" });

        var family = await ListAsync(new JsonObject { ["familyPrefix"] = "list-a" });
        var descending = await ListAsync(new JsonObject { ["familyPrefix"] = "list-b", ["sort"] = "DESC" });
        var inactive = await ListAsync(new JsonObject { ["status"] = "INACTIVE" });
        var firstPage = await _ecs.CallAsync("ListTaskDefinitions", new JsonObject { ["maxResults"] = 4 });
        var secondPage = await _ecs.CallAsync("ListTaskDefinitions", new JsonObject { ["maxResults"] = 4, ["nextToken"] = firstPage["nextToken"]!.DeepClone() });

        Assert.Equal(["list-a:1", "list-a:3"], family);
        Assert.Equal(["list-b:2", "list-b:1"], descending);
        Assert.Equal(["list-a:2"], inactive);
        Assert.Equal(["list-a:1", "list-a:3", "list-ab:1", "list-b:1", "list-b:2"],
            [.. Names(firstPage), .. Names(secondPage)]);
        Assert.Null(secondPage["nextToken"]);
    }

    [Fact]
    public async Task TestTaskDefinitions_SurviveRestart()
    {
        var directory = Directory.CreateTempSubdirectory("slipway-ecs-restart-").FullName;
        try
        {
            await using (var before = new EcsHarness(directory))
            {
                await before.CallAsync("RegisterTaskDefinition", Definition("kept"));
                await before.CallAsync("RegisterTaskDefinition", Definition("kept"));
                await before.CallAsync("DeregisterTaskDefinition", new JsonObject { ["taskDefinition"] = "kept:1" });
            }

            await using var after = new EcsHarness(directory);
            var output = await after.CallAsync("RegisterTaskDefinition", Definition("kept"));
            var first = await after.CallAsync("DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = "kept:1" });

            Assert.Equal(3, (int)output["taskDefinition"]!["revision"]!);
            Assert.Equal("INACTIVE", (string?)first["taskDefinition"]!["status"]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static JsonObject Definition(string family, JsonArray? tags = null)
    {
        var input = new JsonObject
        {
            ["family"] = family,
            ["containerDefinitions"] = new JsonArray(new JsonObject
            {
                ["name"] = "app",
                ["image"] = "example/app:1",
                ["healthCheck"] = new JsonObject { ["command"] = new JsonArray("CMD-SHELL", "true") },
            }),
        };
        if (tags is not null)
            input["tags"] = tags;
        return input;
    }

    private Task<JsonObject> RegisterAsync(string family, JsonArray? tags = null) => _ecs.CallAsync("RegisterTaskDefinition", Definition(family, tags));

    private async Task<IReadOnlyList<string>> ListAsync(JsonObject input) => Names(await _ecs.CallAsync("ListTaskDefinitions", input));

    private static IReadOnlyList<string> Names(JsonObject output) =>
        output["taskDefinitionArns"]!.AsArray().Select(arn => ((string)arn!)[((string)arn!).LastIndexOf('/')..].TrimStart('/')).ToList();
}

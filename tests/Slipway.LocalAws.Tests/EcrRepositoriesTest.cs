using System.Text.Json.Nodes;
using Slipway.LocalAws.Tests.Infrastructure;

namespace Slipway.LocalAws.Tests;

/// <summary>ECR repositories: the platform's own list per account, with ECR's naming rules and errors.</summary>
public sealed class EcrRepositoriesTest(TestPlatform fixture) : IClassFixture<TestPlatform>
{
    [Fact]
    public async Task TestCreateRepository_ReturnsUriArnAndSettings()
    {
        var ecr = fixture.Ecr(fixture.Development);

        var output = await ecr.InvokeAsync("CreateRepository", new JsonObject
        {
            ["repositoryName"] = "shop/web-api",
            ["imageTagMutability"] = "IMMUTABLE",
            ["imageScanningConfiguration"] = new JsonObject { ["scanOnPush"] = true },
            ["tags"] = new JsonArray(new JsonObject { ["Key"] = "team", ["Value"] = "checkout" }),
        });

        var repository = output["repository"]!;
        var registry = fixture.Platform.RegistryEndpoint("development");
        Assert.Equal($"{registry.Authority}/shop/web-api", (string?)repository["repositoryUri"]);
        Assert.Equal("arn:aws:ecr:us-east-1:111111111111:repository/shop/web-api", (string?)repository["repositoryArn"]);
        Assert.Equal(("111111111111", "IMMUTABLE", true), ((string?)repository["registryId"], (string?)repository["imageTagMutability"],
            (bool)repository["imageScanningConfiguration"]!["scanOnPush"]!));
        Assert.InRange((double)repository["createdAt"]!, fixture.Clock.GetUtcNow().ToUnixTimeSeconds() - 60, fixture.Clock.GetUtcNow().ToUnixTimeSeconds() + 1);
    }

    [Fact]
    public async Task TestCreateRepository_DuplicateIsRepositoryAlreadyExists()
    {
        var ecr = fixture.Ecr(fixture.Development);
        await ecr.InvokeAsync("CreateRepository", new JsonObject { ["repositoryName"] = "twice" });

        var response = await ecr.FailAsync("CreateRepository", new JsonObject { ["repositoryName"] = "twice" }, 400, "RepositoryAlreadyExistsException");

        Assert.Equal("The repository with name 'twice' already exists in the registry with id '111111111111'", response.ErrorMessage);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("Upper")]
    [InlineData("-leading")]
    [InlineData("double//slash")]
    [InlineData("trailing/")]
    public async Task TestCreateRepository_InvalidNameIsInvalidParameter(string name)
    {
        var response = await fixture.Ecr(fixture.Development).FailAsync("CreateRepository", new JsonObject { ["repositoryName"] = name }, 400, "InvalidParameterException");

        Assert.Contains("'repositoryName'", response.ErrorMessage);
    }

    [Fact]
    public async Task TestCreateRepository_UnknownMutabilityIsInvalidParameter()
    {
        await fixture.Ecr(fixture.Development).FailAsync("CreateRepository",
            new JsonObject { ["repositoryName"] = "odd", ["imageTagMutability"] = "SOMETIMES" }, 400, "InvalidParameterException");
    }

    [Fact]
    public async Task TestDescribeRepositories_UnknownNameIsRepositoryNotFound()
    {
        var response = await fixture.Ecr(fixture.Development).FailAsync("DescribeRepositories",
            new JsonObject { ["repositoryNames"] = new JsonArray("never/made") }, 400, "RepositoryNotFoundException");

        Assert.Equal("The repository with name 'never/made' does not exist in the registry with id '111111111111'", response.ErrorMessage);
    }

    [Fact]
    public async Task TestDescribeRepositories_PagesWithNextToken()
    {
        var ecr = fixture.Ecr(fixture.Production);
        string[] names = ["page/a", "page/b", "page/c", "page/d", "page/e"];
        foreach (var name in names)
            await ecr.InvokeAsync("CreateRepository", new JsonObject { ["repositoryName"] = name });

        var seen = new List<string>();
        string? nextToken = null;
        var pages = 0;
        do
        {
            var input = new JsonObject { ["maxResults"] = 2 };
            if (nextToken is not null)
                input["nextToken"] = nextToken;
            var output = await ecr.InvokeAsync("DescribeRepositories", input);
            seen.AddRange(output["repositories"]!.AsArray().Select(repository => (string)repository!["repositoryName"]!));
            nextToken = (string?)output["nextToken"];
            pages++;
        }
        while (nextToken is not null);

        Assert.Equal(names, seen.Where(name => name.StartsWith("page/", StringComparison.Ordinal)));
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.True(pages >= 3, $"{seen.Count} repositories came in {pages} pages of 2");
    }

    [Fact]
    public async Task TestDescribeRepositories_EachAccountHasItsOwn()
    {
        await fixture.Ecr(fixture.Development).InvokeAsync("CreateRepository", new JsonObject { ["repositoryName"] = "dev-only" });

        await fixture.Ecr(fixture.Production).FailAsync("DescribeRepositories",
            new JsonObject { ["repositoryNames"] = new JsonArray("dev-only") }, 400, "RepositoryNotFoundException");
        var crossAccount = await fixture.Ecr(fixture.Production).CallAsync("DescribeRepositories", new JsonObject { ["registryId"] = fixture.Development.Id });
        Assert.Equal("AccessDeniedException", crossAccount.ErrorType);
    }

    [Fact]
    public async Task TestDescribeRepositories_AwsCliSeesTheRepositoryAndItsErrors()
    {
        await AwsCli.JsonAsync(fixture.Platform, fixture.Development, "ecr", "create-repository", "--repository-name", "cli/made");

        var described = await AwsCli.JsonAsync(fixture.Platform, fixture.Development, "ecr", "describe-repositories", "--repository-names", "cli/made");
        var missing = await AwsCli.RunAsync(fixture.Platform, fixture.Development, "ecr", "describe-repositories", "--repository-names", "cli/missing");

        Assert.Equal("cli/made", (string?)described["repositories"]![0]!["repositoryName"]);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("(RepositoryNotFoundException)", missing.StandardError);
    }
}

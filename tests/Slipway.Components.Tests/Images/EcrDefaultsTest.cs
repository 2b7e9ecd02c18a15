namespace Slipway.Components.Tests.Images;

/// <summary>A build that records the ECR values its components would use, after choosing the deploy environment as the deploy targets' preflight does.</summary>
public class EcrDefaultsBuild : ServiceBuild
{
    public (string Candidate, string Release, string Repository)? Seen { get; private set; }

    public Target LookAtEcr => _ => _.Executes(async () =>
    {
        var ecr = (IHazEcr)this;
        if (ecr.DeployEnvironment is not null)
            await ecr.GetDeployEnvironmentAsync();
        Seen = (ecr.CandidateAccount, ecr.ReleaseAccount, ecr.ImageRepository);
    });
}

/// <summary>IHazEcr's defaults from the environments file: candidates from the chosen environment (development's when none or production is chosen), releases from production.</summary>
public sealed class EcrDefaultsTest
{
    const string Environments = """
        {
          "defaults": { "platform": "local", "cluster": "default", "service": "svc" },
          "environments": {
            "development": { "account": "dev-acct", "repository": "svc-dev" },
            "staging": { "account": "staging-acct", "repository": "svc-staging" },
            "production": { "account": "prod-acct", "repository": "svc-prod" }
          }
        }
        """;

    [Theory]
    [InlineData(null, "dev-acct", "svc-dev")] // main, nothing chosen yet: development's
    [InlineData("development", "dev-acct", "svc-dev")]
    [InlineData("staging", "staging-acct", "svc-staging")]
    [InlineData("production", "dev-acct", "svc-dev")] // production builds nothing: candidates stay development's
    public async Task TestDefaults_FromTheEnvironmentsFile(string? environment, string candidate, string repository) =>
        Assert.Equal((candidate, "prod-acct", repository), await SeenAsync(environment is null ? ["LookAtEcr"] : ["LookAtEcr", "--environment", environment]));

    [Fact]
    public async Task TestDefaults_CommandLineWins() =>
        Assert.Equal(("a", "b", "cli-repo"), await SeenAsync("LookAtEcr", "--candidate-account", "a", "--release-account", "b", "--image-repository", "cli-repo"));

    /// <summary>Runs the build on main in a repository with <see cref="Environments"/> and no test defaults; returns what it saw.</summary>
    static async Task<(string, string, string)?> SeenAsync(params string[] args)
    {
        await using var service = new ServiceRepository { NewBuild = () => new EcrDefaultsBuild(), TestDefaults = false };
        Directory.CreateDirectory(Path.Combine(service.Root, "deploy"));
        File.WriteAllText(Path.Combine(service.Root, "deploy", "environments.json"), Environments);

        var run = service.Run(args);

        Assert.True(run.Code == 0, run.Output);
        return ((EcrDefaultsBuild)run.Build).Seen;
    }
}

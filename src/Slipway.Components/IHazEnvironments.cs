using Slipway.Aws;
using Slipway.Aws.Credentials;
using Slipway.Aws.Ecs;
using Slipway.EcsDeploy.Environments;
using Slipway.IO;
using Slipway.Versioning.GitFlow;

namespace Slipway.Components;

/// <summary>
/// A build that deploys to the environments of <c>deploy/environments.json</c>: loaded once per run with the <c>--env-override</c> overrides,
/// its schema kept next to it, and the environment chosen by the branch kind (or <c>--environment</c>).
/// </summary>
public interface IHazEnvironments : IHazAws, IHazGitVersion
{
    private const string FileKey = $"{nameof(IHazEnvironments)}.File";
    private const string SelectedKey = $"{nameof(IHazEnvironments)}.Selected";

    /// <summary>The environments file.</summary>
    [Parameter("The environments file (default: deploy/environments.json).")]
    AbsolutePath EnvironmentsPath => this.TryGetValue<AbsolutePath>() ?? RootDirectory / EnvironmentsFile.DefaultPath;

    /// <summary>The environment to deploy to; null for the branch's.</summary>
    [Parameter("The environment to deploy to, e.g. staging (default: the branch's: feature, bugfix, develop: development; release, hotfix: staging; main: production).", Name = "Environment")]
    string? DeployEnvironment => this.TryGetValue<string>();

    /// <summary>Overrides of the environments file's values.</summary>
    [Parameter("Values over deploy/environments.json's as KEY=VALUE, several after one --env-override: 'staging.cluster=qa' sets one environment's, 'cluster=qa' every environment's; 'containers=app,proxy' takes a comma list.",
        Name = "EnvOverride", Separators = " \t\n")]
    string[] EnvironmentOverrides => this.TryGetValue<string[]>() ?? [];

    /// <summary>Changes the options of every ECS client (e.g. a recording <c>HttpHandler</c> in a test).</summary>
    Configure<AwsClientOptions> EcsClientSettings => _ => _;

    /// <summary>The environments file with the overrides applied, read once per run (its schema written next to it when changed); null when the file does not exist.</summary>
    // Keyed by the path and overrides: the engine reads every parameter's default (Platform's reads this) before it resolves the parameters.
    EnvironmentsFile? Environments => this.State().GetOrAdd($"{FileKey}.{EnvironmentsPath}.{string.Join('\n', EnvironmentOverrides)}", LoadEnvironments).File;

    /// <summary>The environment chosen for this run once <see cref="GetDeployEnvironmentAsync"/> ran (the deploy targets' preflight runs it before anything else); null before.</summary>
    DeploymentEnvironment? SelectedEnvironment => this.State().TryGet<DeploymentEnvironment>(SelectedKey, out var selected) ? selected : null;

    /// <summary>The environment images are built and pushed for: the chosen one unless it is production (promoted, never built), else development.</summary>
    DeploymentEnvironment? CandidateEnvironment => SelectedEnvironment is { Name: not EnvironmentNames.Production } selected
        ? selected
        : Environments is { } file && file.Environments.ContainsKey(EnvironmentNames.Development) ? file.Get(EnvironmentNames.Development) : null;

    /// <summary>The platform of the chosen environment (development's before one is chosen); null without an environments file.</summary>
    internal AwsPlatform? CandidateEnvironmentPlatform() => (SelectedEnvironment ?? CandidateEnvironment)?.Platform switch
    {
        DeploymentPlatform.Local => AwsPlatform.Local,
        DeploymentPlatform.Aws => AwsPlatform.Aws,
        _ => null,
    };

    /// <summary>The production environment of the file, where releases live; null without one.</summary>
    DeploymentEnvironment? ProductionEnvironment =>
        Environments is { } file && file.Environments.ContainsKey(EnvironmentNames.Production) ? file.Get(EnvironmentNames.Production) : null;

    /// <summary>The environment this run deploys to: <see cref="DeployEnvironment"/>, else the one the versioning layer gives the branch kind; computed once per run.</summary>
    Task<DeploymentEnvironment> GetDeployEnvironmentAsync() => this.State().GetOrAddAsync($"{SelectedKey}.Task", async _ =>
    {
        var file = Environments ?? throw new EnvironmentsFileException("", [MissingFileMessage()]);
        var selected = file.Get(DeployEnvironment is { Length: > 0 } name ? name : await BranchEnvironmentAsync());
        this.State().Set(SelectedKey, selected);
        return selected;
    }, CancellationToken);

    /// <summary>The ECS client of <paramref name="environment"/> (its account's keys on the local platform; on AWS its region, and its role when it names one), made once per run.</summary>
    Task<EcsClient> GetEcsAsync(DeploymentEnvironment environment) =>
        this.State().GetOrAddAsync($"{nameof(IHazEnvironments)}.Ecs.{environment.Name}", async _ =>
        {
            var account = environment.Account ?? throw new EnvironmentsFileException("", [$"Environment '{environment.Name}' names no account: add \"account\" to it in {EnvironmentsPath}."]);
            RoleCredentials? role = null;
            if (Platform == AwsPlatform.Aws && environment.RoleArn is { } roleArn)
                role = this.DisposeAtEnd(new DisposedAtEnd<RoleCredentials>(new ReleaseRole(account, roleArn).CredentialsFor(account, await GetAwsOptionsAsync())!)).Value;
            var options = await GetAwsOptionsAsync(account, role);
            if (Platform == AwsPlatform.Aws && environment.Region is { } region)
                options = options with { Region = region };
            return this.DisposeAtEnd(new DisposedAtEnd<EcsClient>(new EcsClient(EcsClientSettings(options)))).Value;
        }, CancellationToken);

    /// <summary>
    /// What the scheduled targets need of the environment, checked before anything runs (every missing value at once): null when ready.
    /// The deploy targets run it as their preflight; each gets the same text, which the engine reports once.
    /// </summary>
    async Task<string?> CheckEnvironmentAsync()
    {
        var planned = ExecutionPlan.Where(x => x.Status == ExecutionStatus.Scheduled).Select(x => x.Name).ToList();
        var needs = planned.Aggregate(EnvironmentNeeds.None, (all, target) => all | DeployNeeds.Of(target));
        var users = string.Join(", ", planned.Where(x => DeployNeeds.Of(x) != EnvironmentNeeds.None));
        var environment = await GetDeployEnvironmentAsync();
        // A template is optional (without one the running definition is the base), but one that is named must exist.
        if (environment.TaskDefinitionTemplate is not null && needs.HasFlag(EnvironmentNeeds.Containers))
            needs |= EnvironmentNeeds.TaskDefinitionTemplate;
        Environments!.Require(environment.Name, needs, $"the targets {users}");
        return null;
    }

    private (EnvironmentsFile? File, bool Loaded) LoadEnvironments()
    {
        var path = EnvironmentsPath;
        if (!path.FileExists)
            return (null, false);
        var file = EnvironmentsFile.Load(RootDirectory, path);
        EnvironmentsFile.WriteSchema(Path.Combine(file.Folder, Path.GetFileName(EnvironmentsFile.DefaultSchemaPath)));
        return (file.WithOverrides(OverridePairs(EnvironmentOverrides), "--env-override"), true);
    }

    private async Task<string> BranchEnvironmentAsync()
    {
        var versioning = await GetVersioningAsync();
        return versioning.ImageTags.Environment switch
        {
            GitFlowEnvironment.Development => EnvironmentNames.Development,
            GitFlowEnvironment.Staging => EnvironmentNames.Staging,
            GitFlowEnvironment.Production => EnvironmentNames.Production,
            _ => throw new EnvironmentsFileException("", [
                $"Branch '{versioning.Branch.Name}' is a {versioning.Branch.Kind} branch, which deploys to no environment " +
                "(feature/, bugfix/ and develop deploy to development; release/ and hotfix/ to staging; main to production). " +
                $"Deploy from one of those branches, or name the environment: --environment {string.Join("|", Environments!.Environments.Keys)}."]),
        };
    }

    private string MissingFileMessage() =>
        $"'{EnvironmentsPath}' does not exist: the deploy targets deploy to the environments it describes (development, staging, production). " +
        "Create it (the examples in Slipway.EcsDeploy's Environments/README.md are a start), or pass --environments-path.";

    private static Dictionary<string, string> OverridePairs(string[] pairs)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            if (pair.Split('=', 2) is not [var key, var value] || key.Length == 0)
                throw new EnvironmentsFileException("", [$"--env-override '{pair}' is not KEY=VALUE. Pass e.g. --env-override staging.cluster=qa containers=app,proxy."]);
            overrides[key] = value;
        }

        return overrides;
    }
}

using Slipway.Containers.Publishing;
using Slipway.Containers.References;
using Slipway.EcsDeploy;
using Slipway.EcsDeploy.Environments;
using Slipway.EcsDeploy.TaskDefinitions;

namespace Slipway.Components;

/// <summary>The RegisterTaskDef target: the environment's task definition with this build's image by digest, registered unless it equals the running revision.</summary>
public interface IRegisterTaskDef : IPushEcr
{
    private const string RegisteredKey = $"{nameof(IRegisterTaskDef)}.Registered";
    private const string ReleasedKey = $"{nameof(IRegisterTaskDef)}.Released";

    /// <summary>Extra template variables.</summary>
    [Parameter("Task definition template variables as NAME=VALUE, several after one option, e.g. Cpu=256 LogLevel=debug (the template writes ${Cpu}); Image, Version, Commit and Environment are always set.",
        Separators = " \t\n")]
    string[] TemplateVariables => this.TryGetValue<string[]>() ?? [];

    /// <summary>Changes the registration request before it runs (tags, source, ...).</summary>
    Configure<RegisterRequest> RegisterTaskDefSettings => _ => _;

    /// <summary>What RegisterTaskDef did in this build (the revision to deploy); null before.</summary>
    RegisterResult? RegisteredTaskDefinition => this.State().TryGet<RegisterResult>(RegisteredKey, out var result) ? result : null;

    /// <summary>Registers the task definition.</summary>
    Target RegisterTaskDef => _ => _
        .Description("Registers the environment's task definition (its template, or the running one) with this build's image by digest; nothing when it equals the running revision.")
        .After(PushEcr)
        .Preflight(_ => CheckEnvironmentAsync())
        .Executes(async ct =>
        {
            var environment = await GetDeployEnvironmentAsync();
            var image = await GetDeployImageAsync(preview: false);
            var request = RegisterTaskDefSettings(await RegisterRequestAsync(environment, image));
            var result = await TaskDefinitionRegistration.RegisterAsync(await GetEcsAsync(environment), request, ct);
            this.State().Set(RegisteredKey, result);
            this.ReportSummary("Task definition", $"{environment.Name}: {result.Outcome} {result.TaskDefinition.Family}:{result.Revision}");
        });

    /// <summary>
    /// The image this build deploys, by digest: on production the promoted image of HEAD's version in the release registry; elsewhere the
    /// image PushEcr pushed in this run or recorded for this commit in an earlier one. With <paramref name="preview"/> (Diff, --plan) an image
    /// not pushed yet is the candidate tag PushEcr would push (on production, the release tag when main rehearses a release).
    /// </summary>
    async Task<ImageReference> GetDeployImageAsync(bool preview)
    {
        var environment = await GetDeployEnvironmentAsync();
        var versioning = await GetVersioningAsync();
        if (environment.Name == EnvironmentNames.Production)
        {
            var release = await GetEcrAsync(ReleaseAccount);
            var tag = versioning.ImageTags.Promoted ?? throw new InvalidOperationException(
                $"Branch '{versioning.Branch.Name}' has no release tag to deploy to production; deploy main after a release or hotfix was promoted and tagged.");
            var image = release.Image(ImageRepository, tag);
            if (await FindReleasedImageAsync(image) is { } released)
                return released;
            // Main rehearsing a release pushes this tag itself before RegisterTaskDef: a preview shows it.
            return preview && await RehearsesReleaseAsync() ? image : throw new InvalidOperationException(
                $"The release image '{image}' is not in the release registry of account '{ReleaseAccount}': nothing to deploy to production. " +
                "Run PromoteRelease on the release or hotfix branch first, then Deploy on main.");
        }

        if (PushedImage is { } pushed)
            return pushed.Pinned;
        if (await DeployImage.FromRecordAsync(PushedImageFile, versioning.Variables.Sha, CancellationToken) is { } recorded)
            return recorded;
        return preview
            ? await GetCandidateImageAsync()
            : throw new InvalidOperationException(
                $"No image of commit {versioning.Variables["ShortSha"]} to deploy: PushEcr did not run in this build and '{PushedImageFile}' records none for this commit. " +
                "Run Deploy (which builds and pushes it), or PushEcr before RegisterTaskDef.");
    }

    /// <summary>
    /// <paramref name="image"/>, a release tag in the release registry, pinned to the digest it names; null when it is not there. A tag found is
    /// asked for once per run: the plan's choice whether main builds, Deploy's --plan, Diff, RegisterTaskDef and Deploy share the answer.
    /// </summary>
    async Task<ImageReference?> FindReleasedImageAsync(ImageReference image)
    {
        var key = $"{ReleasedKey}.{image}";
        if (this.State().TryGet<ImageReference>(key, out var known))
            return known;
        var found = await DeployImage.FindReleasedAsync((await GetEcrAsync(ReleaseAccount)).Registry, image, CancellationToken);
        // A missing tag is not remembered: this run may push it (main rehearsing a release) and must then find it. A found one stays: release tags are not moved.
        if (found is not null)
            this.State().Set(key, found);
        return found;
    }

    /// <summary>The registration of <paramref name="image"/> in <paramref name="environment"/>: its template (or the running definition) with the named containers' images replaced.</summary>
    async Task<RegisterRequest> RegisterRequestAsync(DeploymentEnvironment environment, ImageReference image, bool dryRun = false)
    {
        var versioning = await GetVersioningAsync();
        var images = environment.Containers.ToDictionary(x => x, _ => image.ToString(), StringComparer.Ordinal);
        var template = environment.TaskDefinitionTemplate is { } path
            ? new TaskDefinitionTemplateFile(path, TemplateVariableValues(image, versioning.FullSemVer, versioning.Variables.Sha, environment.Name))
            : null;
        return new RegisterRequest
        {
            Cluster = environment.Cluster,
            Service = environment.Service!,
            Source = new TaskDefinitionSource(template, images),
            Version = versioning.FullSemVer,
            Commit = versioning.Variables.Sha,
            DryRun = dryRun,
            // With a service definition Deploy creates a missing service (and on the local platform its cluster).
            ServiceMustExist = environment.ServiceDefinition is null,
        };
    }

    private Dictionary<string, string> TemplateVariableValues(ImageReference image, string version, string commit, string environment)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Image"] = image.ToString(), ["Version"] = version, ["Commit"] = commit, ["Environment"] = environment,
        };
        foreach (var pair in TemplateVariables)
        {
            if (pair.Split('=', 2) is not [var name, var value] || name.Length == 0)
                throw new ArgumentException($"--template-variables '{pair}' is not NAME=VALUE. Pass e.g. --template-variables Cpu=256.");
            if (variables.ContainsKey(name))
                throw new ArgumentException($"--template-variables sets '{name}' twice or sets a built-in variable (Image, Version, Commit, Environment); set each once.");
            variables[name] = value;
        }

        return variables;
    }
}

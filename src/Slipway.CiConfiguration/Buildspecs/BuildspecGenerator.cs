using System.Text.RegularExpressions;

namespace Slipway.CiConfiguration.Buildspecs;

/// <summary>Turns a build's CodeBuild declaration into a validated buildspec and its YAML text.</summary>
public static partial class BuildspecGenerator
{
    /// <summary>
    /// The buildspec: install the .NET runtime; build the branch's target (or <c>SLIPWAY_TARGET</c>) and source the exported variables
    /// in the same phase, so that CodeBuild exports them; reports, artifacts, cache and secrets as declared.
    /// Throws <see cref="BuildspecException"/> naming every problem.
    /// </summary>
    public static GeneratedBuildspec Generate(BuildspecRequest request)
    {
        var errors = new List<string>();
        foreach (var target in request.BranchTargets.Select(x => x.Target).Prepend(request.DefaultTarget).Distinct())
        {
            if (!TargetName().IsMatch(target))
                errors.Add($"Target '{target}' is not a target name: expected letters, digits and underscores. Name a target of the build.");
        }

        foreach (var branch in request.BranchTargets.Where(x => !CasePattern().IsMatch(x.Pattern)))
            errors.Add($"Branch pattern '{branch.Pattern}' is not a shell case pattern of branch names: expected letters, digits and . _ - / * ? separated by '|'. Fix the pattern.");
        if (!RuntimeVersion().IsMatch(request.DotNetVersion))
            errors.Add($"The .NET runtime version '{request.DotNetVersion}' is not one CodeBuild knows: expected major.minor (e.g. 10.0), major.x or latest. Fix the declared version.");
        if (errors.Count > 0)
            throw new BuildspecException(errors);

        var buildspec = new Buildspec
        {
            Env = new BuildspecEnvironment
            {
                Shell = request.Shell,
                Variables = request.Variables,
                ParameterStore = Secrets(request, SecretStore.ParameterStore),
                SecretsManager = Secrets(request, SecretStore.SecretsManager),
                ExportedVariables = request.ExportedVariables,
            },
            Phases = new BuildspecPhases
            {
                Install = new BuildspecPhase { RuntimeVersions = new Dictionary<string, string> { ["dotnet"] = request.DotNetVersion } },
                Build = new BuildspecPhase
                {
                    Commands =
                    [
                        BuildCommand.Render(request.BuildScript, request.DefaultTarget, request.BranchTargets),
                        // The same phase's shell: CodeBuild exports what this shell's environment holds when the build ends.
                        $". {request.ExportedVariablesScript}",
                    ],
                },
            },
            Reports = request.Reports,
            Artifacts = request.ArtifactFiles.Count == 0 ? null : new BuildspecArtifacts { Files = request.ArtifactFiles, DiscardPaths = request.DiscardArtifactPaths },
            CachePaths = request.CachePaths,
        };
        foreach (var duplicate in request.Secrets.GroupBy(x => x.Name, StringComparer.Ordinal).Where(x => x.Count() > 1 && x.Select(y => y.Store).Distinct().Count() == 1))
            errors.Add($"Secret '{duplicate.Key}' is mapped more than once. Map it once.");
        errors.AddRange(BuildspecValidator.Validate(buildspec));
        if (errors.Count > 0)
            throw new BuildspecException(errors);
        return new GeneratedBuildspec(buildspec, BuildspecWriter.Write(buildspec, request.RegenerateCommand));
    }

    private static Dictionary<string, string> Secrets(BuildspecRequest request, SecretStore store)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var secret in request.Secrets.Where(x => x.Store == store))
            result.TryAdd(secret.Name, secret.Reference);
        return result;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex TargetName();

    [GeneratedRegex(@"^[A-Za-z0-9_./*?\-]+(\|[A-Za-z0-9_./*?\-]+)*$")]
    private static partial Regex CasePattern();

    [GeneratedRegex(@"^(\d+\.(\d+|x)|latest)$")]
    private static partial Regex RuntimeVersion();
}

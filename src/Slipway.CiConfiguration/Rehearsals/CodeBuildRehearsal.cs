using System.Text;
using Slipway.CiConfiguration.Buildspecs;
using Slipway.Tooling;

namespace Slipway.CiConfiguration.Rehearsals;

/// <summary>
/// Runs a buildspec the way CodeBuild does, on this machine and without AWS: the checkout of a webhook or a CodePipeline full-clone
/// build, CodeBuild's variables, the phases in one shell, the exported variables, and the reports and artifacts collected by the
/// buildspec's globs.
/// </summary>
/// <remarks>
/// What it follows, from the CodeBuild user guide ("Build specification reference", "Build phase transitions", "Environment variables
/// in build environments"):
/// <list type="bullet">
/// <item>Phases run in order install, pre_build, build, post_build; a phase's <c>finally</c> commands run after its <c>commands</c>,
/// even when one of them failed; the first failing command ends its block.</item>
/// <item>On a failed phase with <c>on-failure: ABORT</c> (the default) a failed install or pre_build skips every later phase, while a
/// failed build still goes on to post_build (the phase transitions); <c>CONTINUE</c> goes on to the next phase. Any failed phase
/// fails the build, and CODEBUILD_BUILD_SUCCEEDING is 0 from then on.</item>
/// <item>The artifact upload is always attempted, even after a failed build; it fails when no path matched at all.</item>
/// <item>Exported variables take their values when the last phase ends (the guide: they can change until post_build ends).</item>
/// </list>
/// </remarks>
public static class CodeBuildRehearsal
{
    /// <summary>Runs the rehearsal; each log line (masked) also goes to <paramref name="output"/> as it happens.</summary>
    /// <exception cref="BuildspecException">The buildspec is missing or invalid, or a secret entry has no value: nothing ran.</exception>
    public static async Task<RehearsalResult> RunAsync(RehearsalRequest request, CancellationToken cancellationToken, IToolOutput? output = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outputDirectory = Path.GetFullPath(request.OutputDirectory);
        if (Directory.Exists(outputDirectory) && Directory.EnumerateFileSystemEntries(outputDirectory).Any())
            throw new BuildspecException($"The rehearsal's output folder '{outputDirectory}' is not empty: give a new or empty folder.");
        var checkout = await RehearsalCheckout.CloneAsync(request, Path.Combine(outputDirectory, "src"), cancellationToken).ConfigureAwait(false);
        var buildspecPath = Path.Combine(checkout.Directory, request.BuildspecPath);
        if (!File.Exists(buildspecPath))
            throw new BuildspecException($"'{request.BuildspecPath}' is not in commit {checkout.Commit[..7]} of branch '{checkout.Branch}': commit the buildspec (CodeBuild reads it from the source).");
        var buildspec = BuildspecReader.Read(await File.ReadAllTextAsync(buildspecPath, cancellationToken).ConfigureAwait(false), request.BuildspecPath);
        var (environment, build, secrets) = RehearsalEnvironment.Create(request, buildspec, checkout);

        var masker = new SecretMasker(secrets);
        var log = new StringBuilder();
        void Line(string text)
        {
            var masked = masker.Mask(text);
            lock (log)
                log.AppendLine(masked);
            output?.Line(new ToolOutputLine(ToolStream.StandardOutput, masked, "codebuild"));
        }

        Line($"[Container] Rehearsing {request.Kind} build of '{checkout.Branch}' at {checkout.Commit} in {checkout.Directory}");
        var phases = new List<PhaseResult>();
        var exported = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var shell = BuildShell.Start(checkout.Directory, environment, Line))
        {
            var succeeding = true;
            var skipRest = false;
            foreach (var name in BuildspecPhases.Names)
            {
                if (skipRest)
                {
                    phases.Add(new PhaseResult(name, PhaseStatus.Skipped, []));
                    continue;
                }

                var phase = buildspec.Phases.Named(name) ?? new BuildspecPhase();
                Line($"[Container] Entering phase {name.ToUpperInvariant()}");
                var result = await RunPhaseAsync(shell, name, phase, Line, cancellationToken).ConfigureAwait(false);
                phases.Add(result);
                Line($"[Container] Phase complete: {name.ToUpperInvariant()} State: {(result.Status == PhaseStatus.Succeeded ? "SUCCEEDED" : "FAILED")}");
                if (result.Status != PhaseStatus.Failed)
                    continue;
                if (succeeding)
                {
                    succeeding = false;
                    await shell.RunAsync("export CODEBUILD_BUILD_SUCCEEDING=0", cancellationToken, capture: []).ConfigureAwait(false);
                }

                // ABORT after install or pre_build ends the phases; after build, post_build still runs (phase transitions).
                skipRest = (phase.OnFailure ?? BuildspecOnFailure.Abort) == BuildspecOnFailure.Abort && name is "install" or "pre_build";
            }

            foreach (var (name, value) in await ReadVariablesAsync(shell, buildspec.Env.ExportedVariables, cancellationToken).ConfigureAwait(false))
                exported[name] = value;
        }

        Line("[Container] Entering phase UPLOAD_ARTIFACTS");
        var reports = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var report in buildspec.Reports)
        {
            var group = report.Name;
            var (copied, unmatched) = BuildOutputFiles.Collect(checkout.Directory, report.Files, report.BaseDirectory, report.DiscardPaths ?? false, Path.Combine(outputDirectory, "reports", group));
            foreach (var pattern in unmatched)
                Line($"[Container] Report group '{group}': no file matches '{pattern}'");
            reports[group] = copied;
        }

        List<string> artifacts = [];
        string? artifactsError = null;
        if (buildspec.Artifacts is { } artifactFiles)
        {
            (artifacts, var unmatched) = BuildOutputFiles.Collect(checkout.Directory, artifactFiles.Files, artifactFiles.BaseDirectory, artifactFiles.DiscardPaths, Path.Combine(outputDirectory, "artifacts"));
            foreach (var pattern in unmatched)
                Line($"[Container] Skipping invalid file path {pattern}");
            if (artifacts.Count == 0)
                artifactsError = $"no matching artifact paths found ({string.Join(", ", artifactFiles.Files)})";
        }

        var succeeded = phases.All(x => x.Status == PhaseStatus.Succeeded) && artifactsError is null;
        Line($"[Container] Phase complete: UPLOAD_ARTIFACTS State: {(artifactsError is null ? "SUCCEEDED" : "FAILED: " + artifactsError)}");
        Line($"[Container] Build {(succeeded ? "SUCCEEDED" : "FAILED")}");
        return new RehearsalResult
        {
            Succeeded = succeeded,
            Phases = phases,
            ExportedVariables = exported,
            Environment = build.ToDictionary(x => x.Key, x => masker.Mask(x.Value), StringComparer.Ordinal),
            SourceDirectory = checkout.Directory,
            Artifacts = artifacts,
            Reports = reports,
            ArtifactsError = artifactsError,
            Log = log.ToString(),
        };
    }

    private static async Task<PhaseResult> RunPhaseAsync(BuildShell shell, string name, BuildspecPhase phase, Action<string> line, CancellationToken cancellationToken)
    {
        var runs = new List<CommandRun>();
        var failed = await RunBlockAsync(phase.Commands, inFinally: false).ConfigureAwait(false);
        failed |= await RunBlockAsync(phase.Finally, inFinally: true).ConfigureAwait(false);
        return new PhaseResult(name, failed ? PhaseStatus.Failed : PhaseStatus.Succeeded, runs);

        async Task<bool> RunBlockAsync(IReadOnlyList<string> commands, bool inFinally)
        {
            foreach (var command in commands)
            {
                line($"[Container] Running command {command}");
                var code = await shell.RunAsync(command, cancellationToken).ConfigureAwait(false);
                runs.Add(new CommandRun(command, code, inFinally));
                if (code == 0)
                    continue;
                line($"[Container] Command did not exit successfully {command} exit status {code}");
                return true;
            }

            return false;
        }
    }

    // Each name's value in the shell, base64 so any text survives the line protocol; a name the shell does not have is left out.
    private static async Task<Dictionary<string, string>> ReadVariablesAsync(BuildShell shell, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var valid = names.Where(x => System.Text.RegularExpressions.Regex.IsMatch(x, "^[A-Za-z_][A-Za-z0-9_]*$")).ToList();
        if (valid.Count == 0)
            return values;
        var lines = new List<string>();
        var script = $$"""for __slipway_name in {{string.Join(' ', valid)}}; do if [ -n "${!__slipway_name+x}" ]; then printf '%s %s\n' "$__slipway_name" "$(printf '%s' "${!__slipway_name}" | base64 -w0)"; fi; done""";
        await shell.RunAsync(script, cancellationToken, lines).ConfigureAwait(false);
        foreach (var text in lines)
        {
            var parts = text.Split(' ', 2);
            if (parts.Length == 2 && valid.Contains(parts[0]))
                values[parts[0]] = Encoding.UTF8.GetString(Convert.FromBase64String(parts[1]));
        }

        return values;
    }
}

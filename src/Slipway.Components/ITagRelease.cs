using Slipway.Logging;
using Slipway.Versioning.Releases;

namespace Slipway.Components;

/// <summary>
/// The TagRelease target: finishes a release or hotfix branch git-flow style with <see cref="ReleaseFinisher"/> (merge into
/// main, annotated tag of the version on that merge, the tag merged into develop, push), after PromoteRelease when both run.
/// </summary>
public interface ITagRelease : IHazGitVersion
{
    /// <summary>The literal the release tag starts with, instead of the one derived from GitVersion's tag-prefix.</summary>
    [Parameter("The text the release tag starts with, e.g. v (default: from GitVersion's tag-prefix: '[vV]?' gives none, 'v' or '[vV]' gives 'v').")]
    string? TagPrefix => this.TryGetValue<string>();

    /// <summary>The git remote that must agree with the local branches and is pushed to.</summary>
    [Parameter("The git remote main and develop must equal and the release is pushed to (default: origin; without it nothing is pushed).")]
    string ReleaseRemote => this.TryGetValue<string>() ?? "origin";

    /// <summary>Whether the finish pushes main, develop and the tag.</summary>
    [Parameter("Push main, develop and the release tag to the remote when it exists (default: true).")]
    bool ReleasePush => this.TryGetValue<bool?>() ?? true;

    /// <summary>The production branch.</summary>
    [Parameter("The production branch the release is merged into (default: main, or master when only that exists).")]
    string? MainBranch => this.TryGetValue<string>();

    /// <summary>The integration branch.</summary>
    [Parameter("The integration branch the release tag is merged back into (default: develop).")]
    string DevelopBranch => this.TryGetValue<string>() ?? "develop";

    /// <summary>Changes the finish request before it runs.</summary>
    Configure<ReleaseFinishRequest> TagReleaseSettings => _ => _;

    /// <summary>Finishes the release.</summary>
    Target TagRelease => _ => _
        .Description("On a release or hotfix branch: merges it into main (--no-ff), tags that merge with the version, merges the tag into develop and pushes the three (never --tags, never force; a re-run finishes what is left).")
        .TryAfter<IPromoteRelease>(x => x.PromoteRelease)
        .Executes(async ct =>
        {
            var versioning = await GetVersioningAsync();
            var tag = ReleaseTagPrefix.TagName(versioning.TagPrefix, versioning.Variables.MajorMinorPatch, TagPrefix);
            var request = TagReleaseSettings(new ReleaseFinishRequest(RootDirectory, versioning.Branch.Name, tag)
            {
                MainBranch = MainBranch,
                DevelopBranch = DevelopBranch,
                Remote = ReleaseRemote,
                Push = ReleasePush,
            });
            var result = await ReleaseFinisher.FinishAsync(request, ct);

            foreach (var step in result.Steps)
                Log.Information(step.Description);
            this.ReportSummary("Tag", $"{result.TagName} on {result.MergeCommit[..12]}");
            this.ReportSummary("Merges", $"{result.Steps[0].Description}; {result.Steps[2].Description}");
            this.ReportSummary("Push", result.Steps[^1].Description);
            this.ReportSummary("Finish", result.ChangedAnything
                ? string.Join(", ", result.Steps.Where(step => step.Outcome == ReleaseStepOutcome.AlreadyDone).Select(step => step.Step)) is { Length: > 0 } done
                    ? $"finished what was left; already done: {done}" : "finished"
                : "already finished; nothing changed");
        });
}

using System.Text.RegularExpressions;

namespace Slipway.Versioning.GitFlow;

/// <summary>The image tags of a build: the tag the build pushes, and the tag its image gets when promoted to production.</summary>
public sealed record ImageTags(string? Candidate, string? Promoted, GitFlowEnvironment Environment);

/// <summary>
/// The git-flow image tag templates per branch kind. Tokens: every version variable (<c>{SemVer}</c>, <c>{ShortSha}</c>, ...),
/// <c>{Version}</c> (MajorMinorPatch), <c>{Revision}</c> (CommitsSinceVersionSource), <c>{FeatureId}</c>, <c>{HotfixId}</c> and <c>{BranchId}</c> (sanitized).
/// </summary>
public sealed partial class ImageTagScheme
{
    /// <summary>Candidate (pushed) templates by kind; a kind without one builds no image.</summary>
    public Dictionary<BranchKind, string> Candidates { get; } = new()
    {
        [BranchKind.Feature] = "feature-{FeatureId}-{Revision}",
        [BranchKind.Bugfix] = "feature-{FeatureId}-{Revision}",
        [BranchKind.Develop] = "{Version}-snapshot-{Revision}",
        [BranchKind.Release] = "{Version}-candidate-{Revision}",
        [BranchKind.Hotfix] = "{Version}-hotfix-{HotfixId}-{Revision}",
    };

    /// <summary>Promoted (production) templates by kind.</summary>
    public Dictionary<BranchKind, string> Promoted { get; } = new()
    {
        [BranchKind.Release] = "{Version}",
        [BranchKind.Hotfix] = "{Version}-hotfix-{HotfixId}",
    };

    /// <summary>Environment overrides by kind (default: <see cref="GitFlowBranch.DefaultEnvironment"/>).</summary>
    public Dictionary<BranchKind, GitFlowEnvironment> Environments { get; } = new();

    /// <summary>
    /// The tags for a branch. On main the candidate is the promoted tag of the version at HEAD: the hotfix form when
    /// <paramref name="mergedBranch"/> (the branch merged by the commit at HEAD) is a hotfix, else the release form.
    /// </summary>
    public ImageTags Render(GitFlowBranch branch, IReadOnlyDictionary<string, string?> variables, GitFlowBranch? mergedBranch = null)
    {
        var environment = Environments.TryGetValue(branch.Kind, out var configured) ? configured : branch.DefaultEnvironment;
        if (branch.Kind == BranchKind.Main)
        {
            var source = mergedBranch is { Kind: BranchKind.Hotfix } ? mergedBranch : new GitFlowBranch(branch.Name, BranchKind.Release, null);
            var promoted = Promoted.TryGetValue(source.Kind, out var main) ? Apply(main, source, variables) : null;
            return new ImageTags(promoted, promoted, environment);
        }

        var candidate = Candidates.TryGetValue(branch.Kind, out var template) ? Apply(template, branch, variables) : null;
        var promotedTag = Promoted.TryGetValue(branch.Kind, out var promotedTemplate) ? Apply(promotedTemplate, branch, variables) : null;
        return new ImageTags(candidate, promotedTag, environment);
    }

    private static string Apply(string template, GitFlowBranch branch, IReadOnlyDictionary<string, string?> variables)
    {
        var id = branch.Id is { Length: > 0 } raw ? DockerTag.SanitizeId(raw) : null;
        var tag = Token().Replace(template, match =>
        {
            var name = match.Groups[1].Value;
            var value = name switch
            {
                "Version" => Value(variables, "MajorMinorPatch"),
                "Revision" => Value(variables, "CommitsSinceVersionSource"),
                "FeatureId" or "HotfixId" or "BranchId" => id,
                _ => variables.TryGetValue(name, out var known) ? known : throw new ImageTagException(
                    $"Image tag template '{template}' uses the unknown token '{{{name}}}'. Use a version variable (e.g. {{SemVer}}, {{ShortSha}}) or {{Version}}, {{Revision}}, {{FeatureId}}, {{HotfixId}}, {{BranchId}}."),
            };
            return value ?? throw new ImageTagException($"Image tag template '{template}' uses '{{{name}}}', which has no value for branch '{branch.Name}'.");
        });
        return DockerTag.IsValid(tag)
            ? tag
            : throw new ImageTagException($"Image tag template '{template}' gives '{tag}' for branch '{branch.Name}', which is not a valid Docker tag ([A-Za-z0-9_][A-Za-z0-9_.-], at most 128 characters; '+' is not allowed). Change the template.");
    }

    private static string? Value(IReadOnlyDictionary<string, string?> variables, string name) => variables.TryGetValue(name, out var value) ? value : null;

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Token();
}

/// <summary>An image tag template is wrong or gives an invalid tag; the message names the template and what to change.</summary>
public sealed class ImageTagException(string message) : Exception(message);

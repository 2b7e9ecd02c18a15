using System.Text.RegularExpressions;
using Slipway.Tooling;
using Slipway.Versioning.Configuration;
using Slipway.Versioning.Git;
using BranchMatcher = Slipway.Versioning.Configuration.BranchMatcher;

namespace Slipway.Versioning.Calculation;

/// <summary>Which field a candidate bumps: the branch's increment, raised (never lowered) by <c>+semver:</c> messages committed after the candidate's source.</summary>
internal static class IncrementFinder
{
    public static IncrementStrategy Determine(VersionContext context, Commit? source, EffectiveConfiguration configuration)
    {
        var fromMessages = FromMessages(context, source, configuration);
        var branch = configuration.Increment;
        if (fromMessages is null)
            return branch;
        return Rank(fromMessages.Value) < Rank(branch) ? branch : fromMessages.Value;
    }

    /// <summary>The highest bump named by a commit message after <paramref name="source"/>, or null when none names one.</summary>
    private static IncrementStrategy? FromMessages(VersionContext context, Commit? source, EffectiveConfiguration configuration)
    {
        if (configuration.CommitMessageIncrementing == CommitMessageIncrementMode.Disabled)
            return null;
        IncrementStrategy? highest = null;
        foreach (var (commit, field) in context.BumpCommits)
        {
            if (configuration.CommitMessageIncrementing == CommitMessageIncrementMode.MergeMessageOnly && !commit.IsMerge)
                continue;
            if (source is not null && context.Repository.IsAncestor(commit, source))
                continue;
            if (highest is null || Rank(field) > Rank(highest.Value))
                highest = field;
        }

        return highest;
    }

    /// <summary>The commits of HEAD's history whose message names a bump, with the bump; scanned once per computation.</summary>
    public static IReadOnlyList<(Commit Commit, IncrementStrategy Field)> FindBumpCommits(VersionContext context)
    {
        var top = context.Configuration;
        var patterns = new (Regex Pattern, IncrementStrategy Field)[]
        {
            (BranchMatcher.Regex(top.MajorVersionBumpMessage), IncrementStrategy.Major),
            (BranchMatcher.Regex(top.MinorVersionBumpMessage), IncrementStrategy.Minor),
            (BranchMatcher.Regex(top.PatchVersionBumpMessage), IncrementStrategy.Patch),
            (BranchMatcher.Regex(top.NoBumpMessage), IncrementStrategy.None),
        };
        // The default patterns all need "semver"; checking for it first skips the regexes for almost every commit.
        var needsSemver = patterns.All(x => x.Pattern.ToString().Contains("semver", StringComparison.OrdinalIgnoreCase));
        var result = new List<(Commit, IncrementStrategy)>();
        // Messages in memory are scanned there; messages git would have to load one batch at a time are searched by git itself.
        var searchWithGit = needsSemver && context.Repository.LoadsMessagesOnDemand;
        foreach (var commit in searchWithGit ? CommitsMentioningSemver(context) : context.CommitsSince(null))
        {
            var message = commit.Message;
            if (needsSemver && message.IndexOf("semver", StringComparison.OrdinalIgnoreCase) < 0)
                continue;
            foreach (var (pattern, field) in patterns)
            {
                if (!pattern.IsMatch(message))
                    continue;
                result.Add((commit, field));
                break;
            }
        }

        return result;
    }

    /// <summary>Lets git search HEAD's messages for "semver", so only the few matching messages are read into memory.</summary>
    private static IEnumerable<Commit> CommitsMentioningSemver(VersionContext context)
    {
        var result = ToolRunner.Run(
            new ToolInvocation("git", "rev-list", "--regexp-ignore-case", "--fixed-strings", "--grep=semver", context.Head.Sha)
            {
                WorkingDirectory = context.Repository.WorkingDirectory, EchoCommand = false, StreamOutput = false,
            },
            ToolOutput.None);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(context.Repository.FindCommit)
            .OfType<Commit>()
            .Where(x => !context.IsIgnored(x));
    }

    public static int Rank(IncrementStrategy field) => field switch
    {
        IncrementStrategy.Major => 3,
        IncrementStrategy.Minor => 2,
        IncrementStrategy.Patch => 1,
        _ => 0,
    };
}

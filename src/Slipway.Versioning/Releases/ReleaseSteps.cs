namespace Slipway.Versioning.Releases;

/// <summary>Turns what a finish found and planned into the result's steps, each with a sentence for logs.</summary>
internal sealed class ReleaseSteps(ReleaseFinishRequest request, ReleaseRefs refs, ReleaseMerge main, ReleaseMerge develop, bool tagDone)
{
    /// <summary>The result, with the push step's outcome given by the caller, who alone knows it.</summary>
    public ReleaseFinishResult Result(ReleaseStepOutcome pushOutcome)
    {
        var tag = request.TagName;
        ReleaseFinishStep[] steps =
        [
            Step(ReleaseStep.MergeIntoMain, main.Done, $"merge of '{refs.Branch}' into '{refs.Main}' ({Short(main.Commit)})"),
            Step(ReleaseStep.Tag, tagDone, $"annotated tag '{tag}' on {Short(main.Commit)}"),
            Step(ReleaseStep.MergeIntoDevelop, develop.Done, $"merge of tag '{tag}' into '{refs.Develop}' ({Short(develop.Commit)})"),
            new(ReleaseStep.Push, pushOutcome, pushOutcome switch
            {
                ReleaseStepOutcome.Skipped when !request.Push => "push turned off",
                ReleaseStepOutcome.Skipped => $"no remote '{request.Remote}' to push to",
                ReleaseStepOutcome.AlreadyDone => $"remote '{request.Remote}' already has '{refs.Main}', '{refs.Develop}' and '{tag}'",
                ReleaseStepOutcome.Planned => $"would push '{refs.Main}', '{refs.Develop}' and '{tag}' to '{request.Remote}'",
                _ => $"pushed '{refs.Main}', '{refs.Develop}' and '{tag}' to '{request.Remote}'",
            }),
        ];
        return new ReleaseFinishResult(main.Commit, tag, develop.Commit, steps);
    }

    private ReleaseFinishStep Step(ReleaseStep step, bool alreadyDone, string what) =>
        alreadyDone ? new(step, ReleaseStepOutcome.AlreadyDone, "already there: " + what)
        : request.DryRun ? new(step, ReleaseStepOutcome.Planned, "would make the " + what)
        : new(step, ReleaseStepOutcome.Done, "made the " + what);

    private static string Short(string sha) => sha[..Math.Min(12, sha.Length)];
}

using Slipway.Versioning.Oracle.Tests.Tools;

namespace Slipway.Versioning.Oracle.Tests.Comparison;

/// <summary>Where HEAD was at a checkpoint: what the deliberate differences and the disagreement kinds look at.</summary>
/// <param name="Branch">The checked-out branch, or null on a detached HEAD.</param>
/// <param name="TagsOnHead">Tags pointing at HEAD.</param>
public sealed record HeadState(string? Branch, IReadOnlyList<string> TagsOnHead)
{
    /// <summary>The local branches whose tip is HEAD (on a detached HEAD: the branches it was checked out from).</summary>
    public IReadOnlyList<string> BranchesAtHead { get; init; } = [];

    /// <summary>The branch's kind (main, develop, feature, release, pull, ...), or "detached".</summary>
    public string Kind => Branch is null ? "detached" : Branch.Split('/')[0];
}

/// <summary>Both tools' answers at one checkpoint of one seed's history.</summary>
/// <param name="Step">The index of the step the checkpoint follows.</param>
public sealed record CheckpointResult(int Seed, int Checkpoint, int Step, HeadState Head, VersionOutput GitVersion, VersionOutput Slipway)
{
    /// <summary>Every variable on which the two disagree, minus what <see cref="DeliberateDifferences"/> allows.</summary>
    public IReadOnlyList<Disagreement> Disagreements { get; } = DeliberateDifferences.Filter(Head, GitVersion, Slipway, Compare(Seed, Checkpoint, GitVersion, Slipway));

    /// <summary>Variables compared: every variable GitVersion prints (and any only Slipway prints); "(result)" when one tool failed.</summary>
    public static IReadOnlyList<Disagreement> Compare(int seed, int checkpoint, VersionOutput gitVersion, VersionOutput slipway)
    {
        if (gitVersion.Error is not null || slipway.Error is not null)
        {
            return gitVersion.Error is not null && slipway.Error is not null
                ? []
                : [new Disagreement(seed, checkpoint, Disagreement.ResultVariable, gitVersion.Error is null ? "variables" : VersionOutput.ErrorValue,
                    slipway.Error is null ? "variables" : VersionOutput.ErrorValue)];
        }

        return gitVersion.Variables.Keys.Union(slipway.Variables.Keys).Order(StringComparer.Ordinal)
            .Where(name => gitVersion.Value(name) != slipway.Value(name))
            .Select(name => new Disagreement(seed, checkpoint, name, gitVersion.Value(name), slipway.Value(name)))
            .ToList();
    }
}

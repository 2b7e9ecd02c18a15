namespace Slipway.Versioning.Oracle.Tests.Comparison;

/// <summary>One variable GitVersion and Slipway print differently at one checkpoint; <see cref="ToString"/> is its baseline line.</summary>
public sealed record Disagreement(int Seed, int Checkpoint, string Variable, string GitVersion, string Slipway)
{
    /// <summary>The variable name used when one tool printed variables and the other stopped with an error.</summary>
    public const string ResultVariable = "(result)";

    /// <summary>The line in KnownDisagreements.txt: <c>seed 12 checkpoint 3 FullSemVer: GitVersion "1.2.0-alpha.3" Slipway "1.2.0-alpha.2"</c>.</summary>
    public override string ToString() => $"seed {Seed} checkpoint {Checkpoint} {Variable}: GitVersion \"{GitVersion}\" Slipway \"{Slipway}\"";
}

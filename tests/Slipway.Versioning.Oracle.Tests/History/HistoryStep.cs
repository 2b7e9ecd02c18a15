namespace Slipway.Versioning.Oracle.Tests.History;

/// <summary>One step of a generated history: a git command, or writing and committing <c>GitVersion.yml</c>.</summary>
public sealed record HistoryStep(IReadOnlyList<string> GitArguments, string? Configuration = null)
{
    /// <summary>A <c>git</c> command with these arguments.</summary>
    public static HistoryStep Git(params string[] arguments) => new(arguments);

    /// <summary>Writes <c>GitVersion.yml</c> with <paramref name="content"/> and commits it.</summary>
    public static HistoryStep WriteConfiguration(string content) => new([], content);

    /// <summary>The step as a shell line someone can paste to rebuild the history.</summary>
    public override string ToString() =>
        Configuration is not null
            ? $"cat > GitVersion.yml <<'EOF'\n{Configuration}EOF\ngit add GitVersion.yml && git commit -q -m 'Add GitVersion.yml'"
            : "git " + string.Join(" ", GitArguments.Select(Quote));

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(x => char.IsAsciiLetterOrDigit(x) || "-_./:=+@".Contains(x)) ? argument : "'" + argument.Replace("'", "'\\''") + "'";
}

/// <summary>A generated history: its steps, and after which steps the two tools are compared (indexes into <see cref="Steps"/>, the step included).</summary>
public sealed record GeneratedHistory(int Seed, IReadOnlyList<HistoryStep> Steps, IReadOnlyList<int> Checkpoints);

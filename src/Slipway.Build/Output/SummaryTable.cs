using System.Text;
using Slipway.Execution;

namespace Slipway.Output;

/// <summary>Renders the table printed at the end of a run: each planned target's status, duration and notes, and a total.</summary>
internal static class SummaryTable
{
    public static string Render(IReadOnlyList<ExecutableTarget> plan, TimeSpan total)
    {
        var nameWidth = Math.Max(20, plan.Select(x => x.Name.Length).DefaultIfEmpty(0).Max() + 4);
        const int statusWidth = 12;
        const int durationWidth = 10;
        var width = nameWidth + statusWidth + durationWidth;
        var builder = new StringBuilder();
        builder.AppendLine(new string('═', width));
        builder.AppendLine($"{"Target".PadRight(nameWidth)}{"Status".PadRight(statusWidth)}{"Duration".PadLeft(durationWidth)}");
        builder.AppendLine(new string('─', width));
        foreach (var target in plan)
        {
            var ran = target.Status is ExecutionStatus.Succeeded or ExecutionStatus.Failed or ExecutionStatus.Aborted or ExecutionStatus.Collective;
            var duration = ran ? FormatDuration(target.Duration) : "";
            builder.AppendLine($"{target.Name.PadRight(nameWidth)}{target.Status.ToString().PadRight(statusWidth)}{duration.PadLeft(durationWidth)}".TrimEnd());
            foreach (var note in Notes(target))
                builder.AppendLine($"  // {note}");
        }

        builder.AppendLine(new string('─', width));
        builder.AppendLine($"{"Total".PadRight(nameWidth + statusWidth)}{FormatDuration(total).PadLeft(durationWidth)}");
        builder.Append(new string('═', width));
        return builder.ToString();
    }

    /// <summary><c>&lt; 1sec</c> under a second, else <c>m:ss</c> (and <c>h:mm:ss</c> past an hour).</summary>
    public static string FormatDuration(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1) ? "< 1sec"
        : duration.TotalHours >= 1 ? $"{(int)duration.TotalHours}:{duration.Minutes:00}:{duration.Seconds:00}"
        : $"{(int)duration.TotalMinutes}:{duration.Seconds:00}";

    private static IEnumerable<string> Notes(ExecutableTarget target)
    {
        if (target.Status is ExecutionStatus.Skipped or ExecutionStatus.NotRun && target.SkipReason is { } reason)
            yield return reason;
        if (target.Status == ExecutionStatus.Failed && target.Error is { } error)
            yield return FirstLine(error.Message);
        List<KeyValuePair<string, string>> notes;
        lock (target.SummaryNotes)
            notes = target.SummaryNotes.ToList();
        foreach (var (key, value) in notes)
            yield return $"{key}: {value}";
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n')[0].TrimEnd('\r');
        return line.Length > 100 ? line[..97] + "..." : line;
    }
}

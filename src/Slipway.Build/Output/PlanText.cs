using System.Text;
using Slipway.Execution;

namespace Slipway.Output;

/// <summary>Renders --plan: the targets in execution order, why each is planned, and which would be skipped.</summary>
internal static class PlanText
{
    // Shows which requirements would fail, so a plan tells what to set before the real run.
    private static string RequirementState(Requirement requirement) =>
        requirement.Parameter is { } parameter
            ? RequirementValidator.IsMissing(parameter()) ? " (missing)" : ""
            : requirement.Predicate!() ? "" : " (false)";

    public static string Render(IReadOnlyList<ExecutableTarget> plan)
    {
        var builder = new StringBuilder();
        builder.AppendLine("Execution plan:");
        builder.AppendLine();
        var width = plan.Select(x => x.Name.Length).DefaultIfEmpty(0).Max() + 4;
        var number = 0;
        foreach (var target in plan)
        {
            var isSkipped = target.Status == ExecutionStatus.Skipped;
            builder.AppendLine($"  {++number,2}. {target.Name.PadRight(width)}{(isSkipped ? "skip" : "run"),-4}  <- {target.PlanReason}");
            var conditions = (isSkipped ? [$"skipped: {target.SkipReason}"] : Enumerable.Empty<string>())
                .Concat(target.Definition.DynamicConditions.Select(x => $"only when (checked at run time): {x.Text}"))
                .Concat(target.Definition.DynamicSkipChecks.Select(x => $"skipped when (checked at run time): {x.Text}"))
                .Concat(target.Definition.Requirements.Select(x => $"requires: {x.Text}{RequirementState(x)}"))
                .Concat(target.Definition.PreflightChecks.Select(x => $"checked before anything runs: {x.Text}"))
                .Concat(target.Definition.IsAssuredAfterFailure ? ["runs even after a failure"] : [])
                .Concat(target.Definition.IsProceedAfterFailure ? ["a failure does not stop unrelated targets"] : [])
                .Concat(target.Produces.Select(x => $"produces: {x}"));
            foreach (var line in conditions)
                builder.AppendLine($"      {"".PadRight(width)}{line}");
        }

        var skipped = plan.Count(x => x.Status == ExecutionStatus.Skipped);
        builder.AppendLine();
        builder.Append($"{plan.Count - skipped} to run, {skipped} to skip. Nothing was run (--plan).");
        return builder.ToString();
    }

    /// <summary>The <c>PlanDetails</c> of the scheduled targets under their names (empty when none has any); a failing one shows why it could not tell.</summary>
    public static async Task<string> RenderDetailsAsync(IReadOnlyList<ExecutableTarget> plan, CancellationToken cancellationToken)
    {
        var builder = new StringBuilder();
        foreach (var target in plan.Where(x => x.Status == ExecutionStatus.Scheduled))
        {
            foreach (var source in target.Definition.PlanDetailSources)
            {
                string? text;
                try
                {
                    text = await source(cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    text = $"(could not tell: {exception.Message})";
                }

                if (string.IsNullOrEmpty(text))
                    continue;
                builder.AppendLine().AppendLine($"{target.Name}:");
                foreach (var line in text.TrimEnd().Split('\n'))
                    builder.AppendLine($"  {line.TrimEnd('\r')}");
            }
        }

        return builder.ToString().TrimEnd();
    }
}

using System.Text.Json.Serialization;
using Slipway.Containers.References;

namespace Slipway.Containers.Promotion;

/// <summary>How a promotion was approved.</summary>
public enum PromotionApprovalMethod
{
    /// <summary>The person at the terminal answered yes to the confirmation.</summary>
    [JsonStringEnumMemberName("prompt")]
    Prompt,

    /// <summary>Approved before the build ran (<c>--approve</c>), e.g. by a pipeline's manual-approval step.</summary>
    [JsonStringEnumMemberName("--approve")]
    Approve,
}

/// <summary>Who approved a promotion, when (UTC) and how; recorded with the promotion.</summary>
/// <param name="Approver">The person or pipeline that approved, e.g. <c>Jane Doe &lt;jane@example.com&gt;</c> or <c>codepipeline/orders</c>.</param>
/// <param name="ApprovedAt">When, in UTC.</param>
/// <param name="Method">By answering the confirmation, or with <c>--approve</c>.</param>
public sealed record PromotionApproval(
    [property: JsonPropertyName("approver")] string Approver,
    [property: JsonPropertyName("approvedAt")] DateTimeOffset ApprovedAt,
    [property: JsonPropertyName("method")] PromotionApprovalMethod Method)
{
    /// <summary>
    /// The approval of <paramref name="request"/>: given beforehand, else asked for (default No), else refused because
    /// nobody can be asked (CI), so a pipeline's manual-approval step has to come first.
    /// </summary>
    /// <exception cref="PromotionNotApprovedException">Nobody approved: no approval given and nobody to ask, or the answer was not yes.</exception>
    public static PromotionApproval Obtain(PromotionApprovalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        PromotionApproval Approved(PromotionApprovalMethod method) => new(request.Approver, request.Clock().ToUniversalTime(), method);
        if (request.Approved)
            return Approved(PromotionApprovalMethod.Approve);
        var promotion = $"Promoting '{request.Candidate}' ({request.Digest}) to '{request.Release}'";
        if (request.Ask is null)
        {
            throw new PromotionNotApprovedException(
                $"{promotion} needs an approval, and {request.NobodyToAsk}, so nothing was asked and nothing was promoted. " +
                "On CI a pipeline's manual-approval step comes before the promotion; once it is approved, run it with --approve " +
                "(and --approved-by NAME to record who approved).");
        }

        var answer = request.Ask(request.Question)?.Trim();
        if (string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) || string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase))
            return Approved(PromotionApprovalMethod.Prompt);
        throw new PromotionNotApprovedException(
            $"{promotion} was not approved (the answer was {(answer is null ? "the end of input" : $"'{answer}'")}; only 'y' or 'yes' approves). " +
            "Nothing was promoted. Run again and answer 'y', or pass --approve.");
    }
}

/// <summary>What an approval is asked for: the promotion, who approves, and how to ask.</summary>
/// <param name="Candidate">The candidate image (by tag).</param>
/// <param name="Digest">The candidate's digest, which the release gets.</param>
/// <param name="Release">The release tag in the release registry.</param>
/// <param name="Approver">Who is recorded as approving.</param>
public sealed record PromotionApprovalRequest(ImageReference Candidate, string Digest, ImageReference Release, string Approver)
{
    /// <summary>True when approved beforehand (<c>--approve</c>): nothing is asked.</summary>
    public bool Approved { get; init; }

    /// <summary>Asks the person at the terminal and returns the answer (null at the end of input); null when nobody can be asked.</summary>
    public Func<string, string?>? Ask { get; init; }

    /// <summary>Why nobody can be asked, for the refusal when <see cref="Ask"/> is null (e.g. "the build runs on CodeBuild").</summary>
    public string NobodyToAsk { get; init; } = "nobody can answer a prompt here";

    /// <summary>The clock the approval time is read from.</summary>
    public Func<DateTimeOffset> Clock { get; init; } = () => DateTimeOffset.UtcNow;

    /// <summary>The confirmation asked: the image, its digest and the target; the default is No.</summary>
    public string Question => $"Promote {Candidate} ({Digest}) to {Release}? [y/N] ";
}

/// <summary>A promotion was not approved; nothing was promoted. The message says how to approve it.</summary>
public sealed class PromotionNotApprovedException(string message) : Exception(message);

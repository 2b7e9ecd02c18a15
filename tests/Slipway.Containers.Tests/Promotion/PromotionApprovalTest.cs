using Slipway.Containers.Promotion;
using Slipway.Containers.References;

namespace Slipway.Containers.Tests.Promotion;

public sealed class PromotionApprovalTest
{
    static readonly DateTimeOffset Noon = new(2026, 12, 7, 13, 0, 0, TimeSpan.FromHours(1));
    const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    static PromotionApprovalRequest Request(Func<string, string?>? ask = null, bool approved = false) => new(
        ImageReference.Parse("dev.example.com/orders:1.4.0-candidate-3"), Digest, ImageReference.Parse("prod.example.com/orders:1.4.0"), "Jane <jane@example.com>")
    {
        Approved = approved,
        Ask = ask,
        NobodyToAsk = "the build runs on CodeBuild",
        Clock = () => Noon,
    };

    [Fact]
    public void TestObtain_ApprovedBeforehand_NothingAsked()
    {
        var asked = new List<string>();

        var approval = PromotionApproval.Obtain(Request(question => { asked.Add(question); return "n"; }, approved: true));

        Assert.Equal(new PromotionApproval("Jane <jane@example.com>", Noon, PromotionApprovalMethod.Approve), approval);
        Assert.Equal(TimeSpan.Zero, approval.ApprovedAt.Offset);
        Assert.Empty(asked);
    }

    [Theory]
    [InlineData("y")]
    [InlineData(" YES ")]
    public void TestObtain_AnsweredYes_ApprovedByPrompt(string answer)
    {
        var asked = new List<string>();

        var approval = PromotionApproval.Obtain(Request(question => { asked.Add(question); return answer; }));

        Assert.Equal(PromotionApprovalMethod.Prompt, approval.Method);
        Assert.Equal([$"Promote dev.example.com/orders:1.4.0-candidate-3 ({Digest}) to prod.example.com/orders:1.4.0? [y/N] "], asked);
    }

    [Theory]
    [InlineData("", "the answer was ''")]
    [InlineData("no", "the answer was 'no'")]
    [InlineData(null, "the answer was the end of input")]
    public void TestObtain_AnythingButYes_NotApproved(string? answer, string expected)
    {
        var error = Assert.Throws<PromotionNotApprovedException>(() => PromotionApproval.Obtain(Request(_ => answer)));

        Assert.Contains($"Promoting 'dev.example.com/orders:1.4.0-candidate-3' ({Digest}) to 'prod.example.com/orders:1.4.0' was not approved ({expected}", error.Message);
        Assert.Contains("Nothing was promoted", error.Message);
    }

    [Fact]
    public void TestObtain_NobodyToAsk_RefusedPointingAtTheManualApprovalStep()
    {
        var error = Assert.Throws<PromotionNotApprovedException>(() => PromotionApproval.Obtain(Request()));

        Assert.Contains("needs an approval, and the build runs on CodeBuild, so nothing was asked and nothing was promoted", error.Message);
        Assert.Contains("a pipeline's manual-approval step comes before the promotion", error.Message);
        Assert.Contains("--approve", error.Message);
    }
}

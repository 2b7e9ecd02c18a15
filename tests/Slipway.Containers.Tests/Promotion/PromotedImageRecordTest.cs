using Slipway.Containers.Promotion;

namespace Slipway.Containers.Tests.Promotion;

public sealed class PromotedImageRecordTest : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("slipway-promotion-record-").FullName;

    string File => Path.Combine(_folder, "artifacts", "promotion.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static PromotedImageRecord Record(string digest, ImagePromotionOutcome outcome, PromotionApproval? approval) => new(
        "dev.example.com/orders:1.4.0-candidate-3", "prod.example.com/orders:1.4.0", digest, "c0ffee", "development", "production", outcome, approval);

    static readonly PromotionApproval Approval = new("Jane <jane@example.com>", new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero), PromotionApprovalMethod.Prompt);

    [Fact]
    public async Task TestSave_WritesEveryKey()
    {
        await Record("sha256:aa", ImagePromotionOutcome.Copied, Approval).SaveAsync(File);

        var json = System.Text.Json.Nodes.JsonNode.Parse(await System.IO.File.ReadAllTextAsync(File))!;
        Assert.Equal("prod.example.com/orders:1.4.0", (string?)json["release"]);
        Assert.Equal("development", (string?)json["candidateRegistry"]);
        Assert.Equal("Copied", (string?)json["outcome"]);
        Assert.Equal("Jane <jane@example.com>", (string?)json["approval"]!["approver"]);
        Assert.Equal("2026-12-07T12:00:00+00:00", (string?)json["approval"]!["approvedAt"]);
        Assert.Equal("prompt", (string?)json["approval"]!["method"]);
        Assert.Equal(Record("sha256:aa", ImagePromotionOutcome.Copied, Approval), await PromotedImageRecord.TryReadAsync(File));
    }

    [Fact]
    public async Task TestSave_AlreadyPromotedKeepsTheApprovedRecordOfThatRelease()
    {
        await Record("sha256:aa", ImagePromotionOutcome.Copied, Approval).SaveAsync(File);
        var before = await System.IO.File.ReadAllTextAsync(File);

        var kept = await Record("sha256:aa", ImagePromotionOutcome.AlreadyPromoted, null).SaveAsync(File);

        Assert.Equal(Approval, kept.Approval);
        Assert.Equal(before, await System.IO.File.ReadAllTextAsync(File));
    }

    [Fact]
    public async Task TestSave_AlreadyPromotedOverAnotherReleaseOrNothing_WritesWithoutApproval()
    {
        await Record("sha256:aa", ImagePromotionOutcome.Copied, Approval).SaveAsync(File);

        var written = await Record("sha256:bb", ImagePromotionOutcome.AlreadyPromoted, null).SaveAsync(File);

        Assert.Null(written.Approval);
        Assert.Equal(written, await PromotedImageRecord.TryReadAsync(File));
    }
}

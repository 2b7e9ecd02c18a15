using System.Text.Json.Nodes;
using Slipway.Components.Tests.Images;

namespace Slipway.Components.Tests.Release;

/// <summary>PromoteRelease's approval: asked on a terminal (default No), given with --approve, refused on CI; recorded with the promotion.</summary>
public sealed partial class PromoteReleaseTest
{
    const string Candidate = "1.2.0-candidate-1";
    static readonly Dictionary<string, string?> Terminal = [];

    string RecordFile => Path.Combine(_repository.Root, "artifacts", "promotion.json");

    void PushCandidate()
    {
        var push = _repository.Run("PushEcr");
        Assert.True(push.Code == 0, push.Output);
    }

    async Task<string?> DigestAsync(string account, string tag)
    {
        await using var platform = await _repository.PlatformAsync();
        return await ServiceRepository.DigestAsync(platform, account, tag);
    }

    [Fact]
    public async Task TestApprove_PromotesWithoutAskingAndRecordsWhoWhenAndHow()
    {
        PushCandidate();
        var prompt = new AnsweringPrompt("n");
        var before = DateTimeOffset.UtcNow;

        var (code, output) = _repository.RunAs(prompt, Terminal, "PromoteRelease", "--approve", "--approved-by", "Release Manager <rm@example.com>");

        var after = DateTimeOffset.UtcNow;
        Assert.True(code == 0, output);
        Assert.Empty(prompt.Questions);
        var digest = await DigestAsync("development", Candidate);
        Assert.NotNull(digest);
        Assert.Equal(digest, await DigestAsync("production", "1.2.0"));
        var record = JsonNode.Parse(File.ReadAllText(RecordFile))!;
        Assert.Matches(@"^127\.0\.0\.1:\d+/svc:1\.2\.0-candidate-1$", (string?)record["candidate"]);
        Assert.Matches(@"^127\.0\.0\.1:\d+/svc:1\.2\.0$", (string?)record["release"]);
        Assert.Equal(digest, (string?)record["digest"]);
        Assert.Equal(_repository.Head, (string?)record["revision"]);
        Assert.Equal(("development", "production"), ((string?)record["candidateRegistry"], (string?)record["releaseRegistry"]));
        Assert.Equal("Copied", (string?)record["outcome"]);
        var approval = record["approval"]!;
        Assert.Equal("Release Manager <rm@example.com>", (string?)approval["approver"]);
        Assert.Equal("--approve", (string?)approval["method"]);
        var approvedAt = DateTimeOffset.Parse((string)approval["approvedAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.Zero, approvedAt.Offset);
        Assert.InRange(approvedAt, before.AddSeconds(-1), after.AddSeconds(1));
        Assert.Matches(@"// Approval: approved by Release Manager <rm@example.com> at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(--approve\)", output);
    }

    [Fact]
    public async Task TestPrompt_AnsweredYes_PromotesAndARerunAsksNothingAndKeepsTheRecord()
    {
        PushCandidate();
        var prompt = new AnsweringPrompt("y");

        var (code, output) = _repository.RunAs(prompt, Terminal, "PromoteRelease");

        Assert.True(code == 0, output);
        var digest = await DigestAsync("development", Candidate);
        var question = Assert.Single(prompt.Questions);
        Assert.Matches($@"^Promote 127\.0\.0\.1:\d+/svc:1\.2\.0-candidate-1 \({digest}\) to 127\.0\.0\.1:\d+/svc:1\.2\.0\? \[y/N\] $", question);
        Assert.Equal(digest, await DigestAsync("production", "1.2.0"));
        Assert.Equal("prompt", (string?)JsonNode.Parse(File.ReadAllText(RecordFile))!["approval"]!["method"]);
        var record = File.ReadAllText(RecordFile);

        var again = new AnsweringPrompt("n");
        var rerun = _repository.RunAs(again, Terminal, "PromoteRelease");

        Assert.True(rerun.Code == 0, rerun.Output);
        Assert.Empty(again.Questions);
        Assert.Equal(record, File.ReadAllText(RecordFile));
        Assert.Contains("// Promotion: already promoted from", rerun.Output);
        Assert.Contains("// Approval: none needed now; approved by ", rerun.Output);
    }

    [Theory]
    [InlineData("n")]
    [InlineData("")]
    public async Task TestPrompt_NotAnsweredYes_NothingCopied(string answer)
    {
        PushCandidate();
        var prompt = new AnsweringPrompt(answer);

        var (code, output) = _repository.RunAs(prompt, Terminal, "PromoteRelease");

        Assert.True(code == 1, output);
        Assert.Single(prompt.Questions);
        Assert.Contains("was not approved", output);
        Assert.Contains("Nothing was promoted", output);
        Assert.Null(await DigestAsync("production", "1.2.0"));
        Assert.False(File.Exists(RecordFile));
    }

    [Theory]
    [InlineData("CI", "true", "the build runs on CI")]
    [InlineData("CODEBUILD_BUILD_ID", "svc:0001", "the build runs on CodeBuild")]
    public async Task TestCi_WithoutApprove_NeverAsksFailsAndCopiesNothing(string variable, string value, string where)
    {
        PushCandidate();
        var prompt = new AnsweringPrompt("y");

        var (code, output) = _repository.RunAs(prompt, new Dictionary<string, string?> { [variable] = value }, "PromoteRelease");

        Assert.True(code == 1, output);
        Assert.Empty(prompt.Questions);
        Assert.Contains($"needs an approval, and {where}, where nobody answers prompts", output);
        Assert.Contains("a pipeline's manual-approval step comes before the promotion", output);
        Assert.Contains("run it with --approve", output);
        Assert.Null(await DigestAsync("production", "1.2.0"));
        Assert.False(File.Exists(RecordFile));
    }

    [Fact]
    public async Task TestCodeBuild_WithApprove_RecordsTheInitiator()
    {
        PushCandidate();
        var environment = new Dictionary<string, string?> { ["CODEBUILD_BUILD_ID"] = "svc:0002", ["CODEBUILD_INITIATOR"] = "codepipeline/svc-release" };

        var (code, output) = _repository.RunAs(null, environment, "PromoteRelease", "--approve");

        Assert.True(code == 0, output);
        Assert.Equal("codepipeline/svc-release", (string?)JsonNode.Parse(File.ReadAllText(RecordFile))!["approval"]!["approver"]);
        Assert.NotNull(await DigestAsync("production", "1.2.0"));
    }

    [Fact]
    public void TestInputNotATerminal_WithoutApprove_Fails()
    {
        PushCandidate();

        var (code, output) = _repository.RunAs(null, Terminal, "PromoteRelease");

        Assert.True(code == 1, output);
        Assert.Contains("needs an approval, and standard input is not a terminal", output);
    }

    [Fact]
    public void TestWithoutCandidate_FailsNamingTagAndRepositoryBeforeAsking()
    {
        var prompt = new AnsweringPrompt("y");

        var (code, output) = _repository.RunAs(prompt, Terminal, "PromoteRelease");

        Assert.True(code == 1, output);
        Assert.Empty(prompt.Questions);
        Assert.Contains($"there is no tag '{Candidate}' in repository 'svc'", output);
        Assert.Contains("push it first", output);
    }
}

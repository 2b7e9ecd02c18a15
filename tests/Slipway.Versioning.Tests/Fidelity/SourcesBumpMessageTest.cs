using Slipway.Versioning.Tests.Scenarios;

namespace Slipway.Versioning.Tests.Fidelity;

/// <summary>A version tag settles the <c>+semver:</c> messages in its history, as GitVersion 6.8.2 has it.</summary>
public class SourcesBumpMessageTest
{
    // History: "init" tagged 1.0.0; "x +semver: major" tagged 1.1.0; "c" (on develop: the two commits on develop).
    // GitVersion 6.8.2 prints FullSemVer 1.1.1-1 on main and 1.2.0-alpha.1 on develop, VersionSourceSemVer 1.1.0.
    [Theory]
    [InlineData("main", "1.1.1-1")]
    [InlineData("develop", "1.2.0-alpha.1")]
    public async Task TestBumpBeforeTheNewestTag_DoesNotRaiseTheIncrement(string branch, string expected)
    {
        using var repo = FidelityHistory.Tagged("1.0.0", branch, 0, "x +semver: major");
        repo.Tag("1.1.0");
        repo.MakeCommit("c");
        var result = await repo.AssertFullSemVer(expected);
        Assert.Equal("1.1.0", result.Variables["VersionSourceSemVer"]);
    }

    // History: "init" tagged 1.0.0; "x +semver: major"; "c". No newer tag: GitVersion 6.8.2 prints 2.0.0-2 on main.
    [Fact]
    public async Task TestBumpAfterTheNewestTag_StillRaisesTheIncrement()
    {
        using var repo = FidelityHistory.Tagged("1.0.0", "main", 0, "x +semver: major", "c");
        await repo.AssertFullSemVer("2.0.0-2");
    }
}

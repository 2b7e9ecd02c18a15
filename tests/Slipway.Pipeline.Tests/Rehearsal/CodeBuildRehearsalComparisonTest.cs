using System.Text.RegularExpressions;
using Slipway.CiConfiguration.Rehearsals;
using Slipway.Components;
using Slipway.Pipeline.Tests.GitFlow;

namespace Slipway.Pipeline.Tests.Rehearsal;

/// <summary>
/// Issue 11's comparison: the CodeBuild rehearsal of the buildspec on a git-flow sample repository, as a webhook build and as a
/// CodePipeline full-clone build, gives the same version, image tag, environment and exported variables as a laptop run
/// (<c>./build.sh Version</c> in the original checkout) of the same commit.
/// </summary>
public sealed class CodeBuildRehearsalComparisonTest : IDisposable
{
    private readonly GitFlowRepository _repository = new();
    private readonly string _output = Directory.CreateTempSubdirectory("slipway-rehearsal-out-").FullName;

    public void Dispose()
    {
        _repository.Dispose();
        Directory.Delete(_output, recursive: true);
    }

    [Fact]
    public async Task TestRehearsal_FeatureBranch_WebhookAndPipelineBuildsEqualTheLaptopRun()
    {
        RehearsableSample.AddTo(_repository);
        _repository.StartFeature("login").Change("Login page");
        _repository.Push("feature/login");
        // Another branch at the same commit: only the webhook's ref or the pipeline's SLIPWAY_BRANCH says which branch is built.
        _repository.Git("branch", "bugfix/aaa");
        _repository.Push("bugfix/aaa");
        var expected = await _repository.VersionAsync();

        var laptop = RehearsableSample.RunBuildScript(_repository.Root, "Version");
        Assert.True(laptop.Code == 0, laptop.Output);
        var laptopExports = RehearsableSample.ReadExportedVariables(_repository.Root, ExportedVariables.All);
        Assert.Equal(expected.FullSemVer, laptopExports[ExportedVariables.Version]);
        Assert.Equal(expected.ImageTags.Candidate, laptopExports[ExportedVariables.ImageTag]);
        var laptopVersion = Notes(laptop.Output);
        Assert.Equal((expected.FullSemVer, expected.ImageTags.Candidate), laptopVersion);
        var laptopBranch = BranchLine(laptop.Output);

        foreach (var kind in new[] { CodeBuildSourceKind.Webhook, CodeBuildSourceKind.PipelineFullClone })
        {
            var result = await CodeBuildRehearsal.RunAsync(new RehearsalRequest(_repository.Root, Path.Combine(_output, kind.ToString()))
            {
                Kind = kind,
                Branch = "feature/login",
                BranchVariable = kind == CodeBuildSourceKind.PipelineFullClone ? IRehearseCodeBuild.BranchVariable : null,
                OverrideVariables = new Dictionary<string, string> { [IRehearseCodeBuild.TargetVariable] = "Version" },
            }, CancellationToken.None);

            Assert.True(result.Succeeded, $"{kind}:\n{result.Log}");
            Assert.Equal(laptopExports, result.ExportedVariables);
            // Same branch kind and environment; only where the branch came from differs (checkout, webhook ref, SLIPWAY_BRANCH).
            Assert.Equal(laptopVersion, Notes(result.Log));
            Assert.Equal(laptopBranch, BranchLine(result.Log));
            Assert.Contains("build-summary.json", result.Artifacts);
        }
    }

    // The Version target's summary notes: "// Version: X" and "// Image tag: Y".
    private static (string Version, string? ImageTag) Notes(string log)
    {
        var version = Regex.Match(log, @"// Version: (\S+)");
        Assert.True(version.Success, $"No version note in:\n{log}");
        var tag = Regex.Match(log, @"// Image tag: (\S+)");
        return (version.Groups[1].Value, tag.Success ? tag.Groups[1].Value : null);
    }

    // "Branch 'feature/login' (from ...) is a Feature branch; environment development." without the source.
    private static string BranchLine(string log)
    {
        var match = Regex.Match(log, @"Branch '([^']+)' \(from [^)]*\) (is an? \w+ branch; environment \w+)");
        Assert.True(match.Success, $"No branch line in:\n{log}");
        return $"{match.Groups[1].Value} {match.Groups[2].Value}";
    }
}

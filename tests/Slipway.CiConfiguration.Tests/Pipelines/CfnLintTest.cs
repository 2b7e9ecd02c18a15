using System.Diagnostics;
using Slipway.CiConfiguration.Pipelines;

namespace Slipway.CiConfiguration.Tests.Pipelines;

/// <summary>cfn-lint (offline, bundled schemas) on the generated template: exit 0, no error or warning.</summary>
public class CfnLintTest : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("slipway-cfn-lint-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TestCfnLint_PassesOnTheGeneratedTemplate() => AssertLintPasses(PipelineTemplateTest.Generated);

    [Fact]
    public void TestCfnLint_PassesWithoutDevelopersAndWithOnlyFeatureAndDevelop()
    {
        AssertLintPasses(PipelineTemplate.Generate(PipelineTemplateTest.Request with { Developers = [] }));
        AssertLintPasses(PipelineTemplate.Generate(PipelineTemplateTest.Request with { Pipelines = PipelineKinds.Feature | PipelineKinds.Develop }));
    }

    [Fact]
    public void TestCfnLint_FailsOnABrokenTemplate()
    {
        // The test would pass on anything if cfn-lint were not really looking: an unknown PipelineType is an error.
        var (code, output) = Lint(PipelineTemplateTest.Generated.Replace("PipelineType: V2", "PipelineType: V9"));
        Assert.True(code != 0, output);
    }

    private void AssertLintPasses(string template)
    {
        var (code, output) = Lint(template);
        Assert.True(code == 0, $"cfn-lint exited {code}:\n{output}");
    }

    private (int Code, string Output) Lint(string template)
    {
        var path = Path.Combine(_folder, $"pipeline-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, template);
        var info = new ProcessStartInfo(FindCfnLint()) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(path);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }

    /// <summary>cfn-lint on PATH, else pyenv's shim; missing fails the test (never skips: the template check is part of CI).</summary>
    internal static string FindCfnLint()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "cfn-lint"))
            .Append(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv", "shims", "cfn-lint"));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "'cfn-lint' is not installed (looked on PATH and in ~/.pyenv/shims): the generated pipeline template is validated with it. " +
                "Install it with 'pip install cfn-lint' (Python 3) and run the tests again.");
    }
}

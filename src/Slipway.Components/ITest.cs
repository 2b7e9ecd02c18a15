using Slipway.IO;

namespace Slipway.Components;

/// <summary>Runs the solution's tests, writing TRX results (read later by CodeBuild reports) into the artifacts folder.</summary>
public interface ITest : ICompile, IHazArtifacts
{
    /// <summary>Where TRX files go.</summary>
    AbsolutePath TestResultsDirectory => ArtifactsDirectory / "test-results";

    /// <summary>A dotnet test filter expression.</summary>
    [Parameter("Only run tests matching this filter (dotnet test --filter syntax).")]
    string? TestFilter => this.TryGetValue<string>();

    /// <summary>Runs the tests.</summary>
    Target Test => _ => _
        .Description("Runs the tests; TRX results go to artifacts/test-results.")
        .DependsOn(Compile)
        .Produces("artifacts/test-results/*.trx")
        .Executes(async ct =>
        {
            if (TestResultsDirectory.DirectoryExists)
                Directory.Delete(TestResultsDirectory, recursive: true);
            List<string> arguments =
            [
                "test", Solution, "--configuration", Configuration.ToString(), "--no-build", "--nologo",
                "--logger", "trx", "--results-directory", TestResultsDirectory,
            ];
            if (TestFilter is { Length: > 0 } filter)
                arguments.AddRange(["--filter", filter]);
            try
            {
                await DotNet.RunAsync(this, arguments, ct);
            }
            finally
            {
                var counts = TestResults.Read(TestResultsDirectory);
                this.ReportSummary("Tests", counts.ToString());
            }
        });
}

using Slipway.CiConfiguration.Buildspecs;
using Slipway.IO;

namespace Slipway.Components;

/// <summary>Generates buildspec.yml from the build's [CodeBuild] declaration, or with --verify checks the committed one.</summary>
public interface IGenerateBuildspec : IHazGeneratedFiles
{
    /// <summary>The command named in the file's banner.</summary>
    const string RegenerateCommand = "./build.sh GenerateBuildspec";

    /// <summary>Where the buildspec goes: CodeBuild reads buildspec.yml at the source root by default.</summary>
    AbsolutePath BuildspecPath => RootDirectory / "buildspec.yml";

    /// <summary>Changes the request before the buildspec is generated (e.g. more artifact files or report groups).</summary>
    Configure<BuildspecRequest> BuildspecSettings => _ => _;

    /// <summary>Writes or verifies buildspec.yml.</summary>
    Target GenerateBuildspec => _ => _
        .Description("Writes buildspec.yml from the build's [CodeBuild] declaration; with --verify fails when the committed file differs")
        .Executes(async ct =>
        {
            var request = CodeBuildDeclaration.ToRequest(this, RegenerateCommand) with
            {
                ExportedVariables = ExportedVariables.All,
                // imagedefinitions.json and imageDetail.json for CodePipeline's ECS deploy actions; the summary record for the audit trail.
                ArtifactFiles = ["artifacts/imagedefinitions.json", "artifacts/imageDetail.json", ".nuke/temp/build-summary.json"],
                DiscardArtifactPaths = true,
                Reports = [new BuildspecReportGroup("test-results") { Files = ["artifacts/test-results/**/*.trx"], FileFormat = "VISUALSTUDIOTRX" }],
            };
            var buildspec = BuildspecGenerator.Generate(BuildspecSettings(request));
            await this.WriteOrVerifyAsync(BuildspecPath, buildspec.Text, RegenerateCommand, ct);
        });
}

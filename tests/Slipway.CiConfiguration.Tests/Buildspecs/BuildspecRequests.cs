using Slipway.CiConfiguration.Buildspecs;

namespace Slipway.CiConfiguration.Tests.Buildspecs;

/// <summary>Requests the buildspec tests start from.</summary>
internal static class BuildspecRequests
{
    /// <summary>Every part of a buildspec: per-branch targets, plain variables, both secret stores, shell, reports, artifacts, cache.</summary>
    public static BuildspecRequest Full() => new()
    {
        RegenerateCommand = "./build.sh GenerateBuildspec",
        DotNetVersion = "10.0",
        DefaultTarget = "Deploy",
        BranchTargets =
        [
            new BranchTarget("main|master", "Deploy"),
            new BranchTarget("feature/*|bugfix/*", "Test"),
            new BranchTarget("release/*", "PromoteRelease"),
            new BranchTarget("hotfix/*", "PromoteRelease"),
        ],
        Shell = "bash",
        Variables = new Dictionary<string, string> { ["SLIPWAY_VERBOSITY"] = "verbose", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["FLAG"] = "yes" },
        Secrets =
        [
            new BuildspecSecret("REGISTRY_PASSWORD", SecretStore.ParameterStore, "/svc/registry-password"),
            new BuildspecSecret("API_TOKEN", SecretStore.SecretsManager, "prod/api:token::"),
        ],
        ExportedVariables = ["SLIPWAY_VERSION", "SLIPWAY_IMAGE_URI", "SLIPWAY_IMAGE_DIGEST"],
        ArtifactFiles = ["artifacts/imagedefinitions.json", "artifacts/imageDetail.json", ".nuke/temp/build-summary.json"],
        Reports = [new BuildspecReportGroup("test-results") { Files = ["artifacts/test-results/**/*.trx"], FileFormat = "VISUALSTUDIOTRX" }],
        CachePaths = ["/root/.nuget/packages/**/*"],
    };
}

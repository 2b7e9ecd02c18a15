using Slipway.Components;

/// <summary>
/// How this repository runs on AWS CodeBuild: every branch runs Deploy (tests, image, push, deploy of the sample service to the
/// branch's environment); the pipeline picks other targets per action with SLIPWAY_TARGET. `./build.sh GenerateBuildspec` writes
/// /buildspec.yml from this declaration; CI runs it with --verify.
/// </summary>
[CodeBuild(Target = "Deploy")]
partial class Build : IGenerateBuildspec;

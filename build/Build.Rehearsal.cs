using Slipway.Components;

/// <summary>
/// The CodeBuild rehearsal of this repository's committed buildspec.yml: `./build.sh RehearseCodeBuild` (webhook build of the checked-out
/// branch), `--codebuild-source pipeline` for CodePipeline's full clone, `--rehearsal-target Version` to run one target.
/// </summary>
partial class Build : IRehearseCodeBuild;

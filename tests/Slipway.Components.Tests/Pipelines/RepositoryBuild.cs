using Slipway;
using Slipway.Components;
using Slipway.IO;

// This repository's build reduced to what GeneratePipeline reads: its [CodePipelines] declaration is build/Build.Pipeline.cs itself
// (linked into this project); the environments file's place is the one build/Build.Deploy.cs gives.
partial class Build : SlipwayBuild
{
    AbsolutePath IHazEnvironments.EnvironmentsPath => RootDirectory / "sample" / "deploy" / "environments.json";
}

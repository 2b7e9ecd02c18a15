using Slipway.Components;

/// <summary>
/// The sample service's git-flow pipelines on AWS: `./build.sh GeneratePipeline` writes sample/deploy/pipeline.yml (next to the environments
/// file, whose production environment the production pipeline deploys to); `--verify` checks the committed one.
/// </summary>
[CodePipelines(Developers = new[] { "alice", "john" })]
partial class Build : IGeneratePipeline;

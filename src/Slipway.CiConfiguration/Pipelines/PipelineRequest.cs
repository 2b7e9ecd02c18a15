namespace Slipway.CiConfiguration.Pipelines;

/// <summary>The git-flow pipelines a template holds.</summary>
[Flags]
public enum PipelineKinds
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Feature pipelines: one per developer (<c>feature/&lt;dev&gt;/**</c>), or one for <c>feature/**</c> when no developer is named.</summary>
    Feature = 1,

    /// <summary>The development pipeline on <c>develop</c>.</summary>
    Develop = 2,

    /// <summary>The release-candidate pipeline on <c>release/**</c>: staging, approval, promotion.</summary>
    Release = 4,

    /// <summary>The hotfix pipeline on <c>hotfix/**</c>: staging, approval, promotion.</summary>
    Hotfix = 8,

    /// <summary>The production pipeline, started by a promotion.</summary>
    Production = 16,

    /// <summary>Every pipeline of the design.</summary>
    All = Feature | Develop | Release | Hotfix | Production,
}

/// <summary>The CodeBuild environment every pipeline's build actions run in.</summary>
/// <param name="Image">The build image, e.g. <c>aws/codebuild/amazonlinux-x86_64-standard:5.0</c>.</param>
/// <param name="ComputeType">The compute type, e.g. <c>BUILD_GENERAL1_MEDIUM</c>.</param>
/// <param name="PrivilegedMode">Whether the build runs privileged, which the Docker engine (image builds) needs.</param>
/// <param name="BuildspecPath">The buildspec in the repository.</param>
public sealed record CodeBuildSettings(
    string Image = CodeBuildSettings.DefaultImage,
    string ComputeType = CodeBuildSettings.DefaultComputeType,
    bool PrivilegedMode = true,
    string BuildspecPath = "buildspec.yml")
{
    /// <summary>The Amazon Linux standard image with .NET and Docker.</summary>
    public const string DefaultImage = "aws/codebuild/amazonlinux-x86_64-standard:5.0";

    /// <summary>Two vCPUs and 7 GiB (a .NET build with tests and an image build).</summary>
    public const string DefaultComputeType = "BUILD_GENERAL1_MEDIUM";
}

/// <summary>The production ECS service the production pipeline deploys the promoted image to.</summary>
/// <param name="Cluster">The ECS cluster.</param>
/// <param name="Service">The ECS service.</param>
/// <param name="Containers">The containers whose image the deploy replaces (the names in imagedefinitions.json).</param>
public sealed record ProductionService(string Cluster, string Service, IReadOnlyList<string> Containers);

/// <summary>What <see cref="PipelineTemplate.Generate"/> makes a CloudFormation template of.</summary>
/// <param name="Service">The service's name: prefixes pipeline, project and role names, and scopes its SSM parameters and secrets (<c>/&lt;service&gt;/*</c>).</param>
/// <param name="Production">Where the production pipeline deploys.</param>
/// <param name="RegenerateCommand">The command that regenerates the file, named in its banner.</param>
public sealed record PipelineRequest(string Service, ProductionService Production, string RegenerateCommand)
{
    /// <summary>The developers who get a feature pipeline each; empty for one pipeline for every feature branch.</summary>
    public IReadOnlyList<string> Developers { get; init; } = [];

    /// <summary>The pipelines to make.</summary>
    public PipelineKinds Pipelines { get; init; } = PipelineKinds.All;

    /// <summary>The CodeBuild environment.</summary>
    public CodeBuildSettings CodeBuild { get; init; } = new();

    /// <summary>The image repository the builds push to and read (ECR permissions are scoped to it); by default the service's name.</summary>
    public string? ImageRepository { get; init; }
}

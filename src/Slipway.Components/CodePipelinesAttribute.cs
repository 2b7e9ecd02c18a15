using Slipway.CiConfiguration.Pipelines;

namespace Slipway.Components;

/// <summary>
/// The build's git-flow pipelines on AWS CodePipeline, which GeneratePipeline writes as a CloudFormation template:
/// <c>[CodePipelines(Developers = new[] { "alice" })]</c> on the build class. The production service comes from the environments file.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class CodePipelinesAttribute : Attribute
{
    /// <summary>The developers who get a feature pipeline each (on <c>feature/&lt;developer&gt;/**</c>); none for one pipeline on <c>feature/**</c>.</summary>
    public string[] Developers { get; set; } = [];

    /// <summary>The pipelines to make (default: all of them).</summary>
    public PipelineKinds Pipelines { get; set; } = PipelineKinds.All;

    /// <summary>The service's name in pipeline, project and role names (default: the production environment's service).</summary>
    public string? Service { get; set; }

    /// <summary>The CodeBuild image.</summary>
    public string Image { get; set; } = CodeBuildSettings.DefaultImage;

    /// <summary>The CodeBuild compute type.</summary>
    public string ComputeType { get; set; } = CodeBuildSettings.DefaultComputeType;
}

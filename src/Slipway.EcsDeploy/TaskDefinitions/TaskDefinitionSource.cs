using Slipway.Aws;
using Slipway.Aws.Ecs;
using Slipway.EcsDeploy.Deployments;

namespace Slipway.EcsDeploy.TaskDefinitions;

/// <summary>
/// Where the task definition to register comes from: a template file in the repository, or (without one) the definition the
/// service runs; either way the named containers' images are then replaced.
/// </summary>
/// <param name="Template">The template to render; null takes the service's running task definition.</param>
/// <param name="Images">Image (by digest) per container name, replaced after rendering.</param>
public sealed record TaskDefinitionSource(TaskDefinitionTemplateFile? Template, IReadOnlyDictionary<string, string>? Images = null)
{
    /// <summary>The service's running definition with <paramref name="images"/> replaced.</summary>
    public static TaskDefinitionSource Running(IReadOnlyDictionary<string, string> images) => new(null, images);

    /// <summary>
    /// The definition to register and the one <paramref name="service"/> runs (null when none). The template is rendered before
    /// any AWS call, so template errors cost none. With <paramref name="serviceMustExist"/>, a missing cluster or service, or a service
    /// ECS does not deploy, fails next, before anything else.
    /// </summary>
    public async Task<(TaskDefinition Candidate, TaskDefinitionDescription? Running)> ResolveAsync(EcsClient ecs, string? cluster,
        string service, CancellationToken cancellationToken = default, bool serviceMustExist = false)
    {
        var rendered = Template is null ? null : await Template.RenderAsync(cancellationToken).ConfigureAwait(false);
        if (serviceMustExist)
            Deployer.RequireEcsController(await ServiceLookup.DescribeAsync(ecs, cluster, service, cancellationToken).ConfigureAwait(false));
        var running = await RunningTaskDefinition.DescribeAsync(ecs, cluster, service, cancellationToken).ConfigureAwait(false);
        return (Build(rendered, running?.TaskDefinition, service), running);
    }

    // The rendered template or else the running definition, with the images replaced; an unknown container is an error listing them.
    private TaskDefinition Build(TaskDefinition? rendered, TaskDefinition? running, string service)
    {
        var definition = rendered ?? running ?? throw new AwsConfigurationException(
            $"Service '{service}' runs no task definition to replace images in: give a task definition template.");
        foreach (var (container, image) in Images ?? new Dictionary<string, string>())
        {
            if (!definition.ContainerDefinitions.Any(c => c.Name == container))
                throw new AwsConfigurationException(
                    $"Task definition '{definition.Family}' has no container '{container}' to set image '{image}' in. " +
                    $"Containers are: {string.Join(", ", definition.ContainerDefinitions.Select(c => $"'{c.Name}'"))}.");
            definition = definition.WithImage(container, image);
        }
        return definition;
    }
}

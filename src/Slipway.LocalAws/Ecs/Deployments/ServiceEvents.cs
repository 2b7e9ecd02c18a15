using Slipway.LocalAws.Ecs.State;

namespace Slipway.LocalAws.Ecs.Deployments;

/// <summary>The service event messages, worded as ECS words them so tools that read events (ecspresso, fabfuel's ecs-deploy) understand them.</summary>
internal static class ServiceEvents
{
    public static string Started(ServiceRecord service, IReadOnlyCollection<string> taskIds) =>
        $"({Name(service)}) has started {taskIds.Count} tasks: {Tasks(taskIds)}.";

    public static string StoppedRunning(ServiceRecord service, IReadOnlyCollection<string> taskIds) =>
        $"({Name(service)}) has stopped {taskIds.Count} running tasks: {Tasks(taskIds)}.";

    public static string TaskStopped(ServiceRecord service, string taskId, string reason) =>
        $"({Name(service)}) task {taskId} stopped: {reason}.";

    public static string TaskLostInRestart(ServiceRecord service, string taskId) =>
        $"({Name(service)}) task {taskId} was not found after the platform restarted; a replacement will be started.";

    public static string UnableToPlace(ServiceRecord service, IEnumerable<int> ports) =>
        $"({Name(service)}) was unable to place a task because no container instance met all of its requirements. " +
        $"The closest matching container-instance is already using a port required by your task (host port {string.Join(", ", ports.Order())} on 127.0.0.1).";

    public static string DeploymentCompleted(ServiceRecord service, DeploymentRecord deployment) =>
        $"({Name(service)}) (deployment {deployment.Id}) deployment completed.";

    public static string DeploymentFailed(ServiceRecord service, DeploymentRecord deployment) =>
        $"({Name(service)}) (deployment {deployment.Id}) deployment failed: tasks failed to start.";

    public static string RollingBack(ServiceRecord service, string taskDefinition) =>
        $"({Name(service)}) rolling back to taskDefinition {taskDefinition}.";

    public static string SteadyState(ServiceRecord service) => $"({Name(service)}) has reached a steady state.";

    private static string Name(ServiceRecord service) => $"service {service.Name}";

    private static string Tasks(IEnumerable<string> taskIds) => string.Join(' ', taskIds.Select(id => $"(task {id})"));
}

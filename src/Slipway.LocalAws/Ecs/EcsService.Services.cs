using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Slipway.LocalAws.Ecs.State;
using Slipway.LocalAws.Server;

namespace Slipway.LocalAws.Ecs;

/// <summary>Services: create, describe, update and delete; the rollouts these start are the reconciler's work (<see cref="Deployments.ServiceRollout"/>).</summary>
internal sealed partial class EcsService
{
    private const string CodeDeploy = "CODE_DEPLOY";

    private async Task<JsonObject> CreateServiceAsync(EcsAccountState account, JsonObject input, CallContext context, CancellationToken cancellationToken)
    {
        var cluster = Cluster(account, input);
        var name = input.OptionalString("serviceName");
        if (name is null || !ServiceName().IsMatch(name))
            throw Invalid($"serviceName '{name}' is not valid: up to 255 letters (uppercase and lowercase), numbers, underscores and hyphens are required.");
        if (account.Services.Find(service => service.ClusterName == cluster.Name && service.Name == name) is { Status: not ServiceRecord.Inactive })
            throw Invalid("Creation of service was not idempotent.");
        var controller = input.ReadObject("deploymentController")?.OptionalString("type") ?? "ECS";
        if (controller is not ("ECS" or CodeDeploy))
            throw Invalid($"deploymentController '{controller}' is not supported by the local platform: it runs ECS (rolling) and CODE_DEPLOY services, whose tasks it starts like ECS's.");
        if ((input.OptionalString("schedulingStrategy") ?? "REPLICA") != "REPLICA")
            throw Invalid("The local platform runs REPLICA services only: DAEMON services need container instances.");
        var desiredCount = input.ReadInt("desiredCount") ?? throw Invalid("desiredCount is required for a REPLICA service.");
        if (desiredCount < 0)
            throw Invalid($"desiredCount must be 0 or more (got {desiredCount}).");
        var definition = ServiceTaskDefinition(account, input.OptionalString("taskDefinition") ?? throw Invalid("taskDefinition must be given for an ECS service."));
        var settings = DeploymentSettings.Default.With(input.ReadObject("deploymentConfiguration"));
        var tags = ResourceTag.Read(input);
        await RequireEngineAsync(cancellationToken);

        account.Services.RemoveAll(service => service.ClusterName == cluster.Name && service.Name == name);
        var created = new ServiceRecord
        {
            Name = name,
            Arn = EcsArn.Service(context.Region, account.AccountId, cluster.Name, name),
            ClusterName = cluster.Name,
            ClusterArn = cluster.Arn,
            Region = context.Region,
            TaskDefinition = definition.Arn,
            DesiredCount = desiredCount,
            DeploymentController = controller,
            LaunchType = input.OptionalString("launchType") ?? "EC2",
            Settings = settings,
            CreatedAt = context.Now,
            CreatedBy = context.Caller.Arn,
            Tags = tags,
        };
        created.Deploy(definition.Arn, context.Now);
        account.Services.Add(created);
        _scheduler.Wake();
        return Output("service", created.ToJson(includeTags: false));
    }

    private static JsonObject DescribeServices(EcsAccountState account, JsonObject input, CallContext context)
    {
        var cluster = Cluster(account, input);
        var identifiers = input.Strings("services") ?? [];
        if (identifiers.Count is 0 or > 10)
            throw Invalid($"services must name 1 to 10 services (got {identifiers.Count}).");
        var services = new JsonArray();
        var failures = new JsonArray();
        foreach (var identifier in identifiers)
        {
            if (FindService(account, cluster, identifier) is { } service)
                services.Add(service.ToJson(IncludesTags(input)));
            else
                failures.Add(new JsonObject { ["arn"] = EcsArn.Service(context.Region, account.AccountId, cluster.Name, EcsArn.ServiceName(identifier)), ["reason"] = "MISSING" });
        }

        return new JsonObject { ["services"] = services, ["failures"] = failures };
    }

    private static JsonObject ListServices(EcsAccountState account, JsonObject input)
    {
        var cluster = Cluster(account, input);
        var arns = account.Services.Where(service => service.ClusterName == cluster.Name && service.Status != ServiceRecord.Inactive)
            .Select(service => service.Arn).Order(StringComparer.Ordinal).ToList();
        return EcsPage.Output("serviceArns", arns, input, 10);
    }

    private async Task<JsonObject> UpdateServiceAsync(EcsAccountState account, JsonObject input, CallContext context, CancellationToken cancellationToken)
    {
        var service = ActiveService(account, input);
        var identifier = input.OptionalString("taskDefinition");
        var forceNewDeployment = input.OptionalBool("forceNewDeployment") ?? false;
        var desiredCount = input.ReadInt("desiredCount");
        var configuration = input.ReadObject("deploymentConfiguration");
        // A CODE_DEPLOY service deploys through CodeDeploy's CreateDeployment; UpdateService may only scale it or change its settings.
        if (service.DeploymentController == CodeDeploy && (identifier is not null || forceNewDeployment))
            throw Invalid("Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.");
        var controller = input.ReadObject("deploymentController")?.OptionalString("type");
        if (controller is not null && controller != service.DeploymentController)
            throw Invalid($"Changing the deployment controller from {service.DeploymentController} to {controller} is not supported by the local platform.");
        if (desiredCount < 0)
            throw Invalid($"desiredCount must be 0 or more (got {desiredCount}).");
        var definition = identifier is null ? null : ServiceTaskDefinition(account, identifier);
        var settings = service.Settings.With(configuration);
        var redeploy = forceNewDeployment || (definition is not null && definition.Arn != service.Primary.TaskDefinition);
        if (redeploy || desiredCount is not null)
            await RequireEngineAsync(cancellationToken);

        service.Settings = settings;
        service.DesiredCount = desiredCount ?? service.DesiredCount;
        service.Primary.DesiredCount = service.DesiredCount;
        if (redeploy)
            service.Deploy(definition?.Arn ?? service.Primary.TaskDefinition, context.Now);
        _scheduler.Wake();
        return Output("service", service.ToJson(includeTags: false));
    }

    private JsonObject DeleteService(EcsAccountState account, JsonObject input, CallContext context)
    {
        var service = ActiveService(account, input);
        if (service.DesiredCount > 0 && input.OptionalBool("force") != true)
            throw Invalid("The service cannot be stopped while it is scaled above 0. Set desiredCount to 0 first, or pass force.");
        service.DesiredCount = 0;
        service.Status = ServiceRecord.Draining;
        service.AddEvent($"(service {service.Name}) is being deleted: its tasks are stopping.", context.Now);
        _scheduler.Wake();
        return Output("service", service.ToJson(includeTags: false));
    }

    private static ServiceRecord? FindService(EcsAccountState account, ClusterRecord cluster, string identifier)
    {
        var name = EcsArn.ServiceName(identifier);
        return account.Services.Find(service => service.ClusterName == cluster.Name && service.Name == name);
    }

    private static ServiceRecord ActiveService(EcsAccountState account, JsonObject input)
    {
        var cluster = Cluster(account, input);
        var identifier = input.OptionalString("service") ?? throw Invalid("service must be given: a service name or ARN.");
        var service = FindService(account, cluster, identifier)
            ?? throw new AwsErrorException("ServiceNotFoundException", $"Service not found: '{EcsArn.ServiceName(identifier)}' does not exist in cluster '{cluster.Name}'.");
        return service.Status == ServiceRecord.Active
            ? service
            : throw new AwsErrorException("ServiceNotActiveException", $"Service was not ACTIVE: '{service.Name}' is {service.Status}.");
    }

    /// <summary>The task definition a service is to run; a <c>ClientException</c> as ECS gives when it does not exist or is INACTIVE.</summary>
    private static TaskDefinitionRecord ServiceTaskDefinition(EcsAccountState account, string identifier)
    {
        var definition = FindTaskDefinition(account, identifier)
            ?? throw new AwsErrorException("ClientException", $"TaskDefinition not found: '{identifier}'.");
        return definition.Status == TaskDefinitionRecord.Active
            ? definition
            : throw new AwsErrorException("ClientException", $"TaskDefinition is inactive: '{definition.Arn}' was deregistered.");
    }

    private static AwsErrorException Invalid(string message) => new("InvalidParameterException", message);

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,255}$")]
    private static partial Regex ServiceName();
}

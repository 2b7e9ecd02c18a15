namespace Slipway.Aws.Ecs;

/// <summary>The member lists that decide what of a task definition may be registered (botocore's RegisterTaskDefinition input shape).</summary>
public static class TaskDefinitionMembers
{
    /// <summary>Every RegisterTaskDefinition input member: the whitelist a re-registration is built from.</summary>
    public static IReadOnlyList<string> Request { get; } =
    [
        "family", "containerDefinitions", "taskRoleArn", "executionRoleArn", "networkMode", "volumes",
        "placementConstraints", "requiresCompatibilities", "cpu", "memory", "tags", "pidMode", "ipcMode",
        "proxyConfiguration", "inferenceAccelerators", "ephemeralStorage", "runtimePlatform", "enableFaultInjection",
    ];

    /// <summary>Members a register call cannot go without.</summary>
    public static IReadOnlyList<string> Required { get; } = ["family", "containerDefinitions"];

    /// <summary>Members DescribeTaskDefinition returns that AWS sets itself; named in template errors.</summary>
    public static IReadOnlyList<string> ReadOnly { get; } =
    [
        "taskDefinitionArn", "revision", "status", "requiresAttributes", "compatibilities",
        "registeredAt", "registeredBy", "deregisteredAt", "deleteRequestedAt",
    ];

    /// <summary>Whether a top-level key may be sent to RegisterTaskDefinition.</summary>
    public static bool IsRequestMember(string key) => Request.Contains(key, StringComparer.Ordinal);
}

namespace Slipway.LocalAws;

/// <summary>One AWS account the local platform serves, with the access key of its root user.</summary>
public sealed record LocalAwsAccount(string Id, string Name, string AccessKeyId, string SecretAccessKey)
{
    /// <summary>Shows the account without its secret.</summary>
    public override string ToString() => $"{Name} ({Id}, access key {AccessKeyId})";
}

/// <summary>An account the platform creates on its first start; its root access key is generated unless given here.</summary>
public sealed record LocalAwsAccountOptions(string Id, string Name)
{
    /// <summary>The root access key id to use instead of a generated one.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>The root secret access key to use instead of a generated one.</summary>
    public string? SecretAccessKey { get; init; }
}

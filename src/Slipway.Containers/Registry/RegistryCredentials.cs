namespace Slipway.Containers.Registry;

/// <summary>A user name and password (or ECR's "AWS" and authorization token) for a registry.</summary>
public sealed record RegistryCredentials(string Username, string Password)
{
    /// <summary>Hides the password from logs.</summary>
    public override string ToString() => $"{Username}:***";
}

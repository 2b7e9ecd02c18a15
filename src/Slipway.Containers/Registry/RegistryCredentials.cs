namespace Slipway.Containers.Registry;

/// <summary>A user name and password (or ECR's "AWS" and authorization token) for a registry.</summary>
/// <param name="Username">The user name ("AWS" for ECR).</param>
/// <param name="Password">The password or token.</param>
public sealed record RegistryCredentials(string Username, string Password)
{
    /// <summary>Hides the password from logs.</summary>
    public override string ToString() => $"{Username}:***";
}

namespace Slipway.LocalAws.Ecs.Docker;

/// <summary>The user name and password the engine pulls from <paramref name="ServerAddress"/> with (sent as <c>X-Registry-Auth</c>; nothing is stored).</summary>
internal sealed record RegistryCredential(string ServerAddress, string UserName, string Password)
{
    /// <summary>The registry host of <paramref name="image"/> (<c>127.0.0.1:5000</c> in <c>127.0.0.1:5000/web:1</c>), or null for a Docker Hub name.</summary>
    public static string? RegistryHost(string image)
    {
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
            return null;
        var first = image[..slash];
        // As Docker reads names: the first part is a registry only when it has a dot or a port, or is localhost.
        return first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost" ? first : null;
    }
}

namespace Slipway.Tooling;

/// <summary>What to install when a well-known tool is missing.</summary>
internal static class ToolInstallHints
{
    private static readonly Dictionary<string, string> Products = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dotnet"] = "the .NET SDK (https://dot.net/download)",
        ["git"] = "Git (https://git-scm.com/downloads)",
        ["docker"] = "Docker (https://docs.docker.com/get-docker/)",
        ["aws"] = "the AWS CLI v2 (https://aws.amazon.com/cli/)",
        ["node"] = "Node.js (https://nodejs.org/)",
        ["npm"] = "Node.js (https://nodejs.org/)",
        ["npx"] = "Node.js (https://nodejs.org/)",
        ["gh"] = "the GitHub CLI (https://cli.github.com/)",
        ["kubectl"] = "kubectl (https://kubernetes.io/docs/tasks/tools/)",
    };

    /// <summary>A sentence saying what to install for <paramref name="toolName"/> and how to make it findable.</summary>
    public static string For(string toolName)
    {
        var product = Products.GetValueOrDefault(Path.GetFileNameWithoutExtension(toolName)) ?? $"'{toolName}'";
        return $"Install {product} and make sure its directory is on PATH, or pass the full path to the executable.";
    }
}

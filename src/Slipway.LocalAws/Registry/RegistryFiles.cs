using System.Globalization;
using Slipway.Tooling;

namespace Slipway.LocalAws.Registry;

/// <summary>One account's registry folder: <c>config.yml</c>, the bcrypt <c>htpasswd</c> file and the <c>storage</c> folder.</summary>
internal sealed class RegistryFiles(string directory)
{
    /// <summary>The registry's configuration file; its path also identifies the registry's process.</summary>
    public string ConfigPath { get; } = Path.Combine(directory, "config.yml");

    private string HtpasswdPath => Path.Combine(directory, "htpasswd");

    private string StoragePath => Path.Combine(directory, "storage");

    /// <summary>Writes the htpasswd file (bcrypt, through the <c>htpasswd</c> tool) with the one user the proxy signs in as.</summary>
    public async Task WritePasswordAsync(string htpasswd, string user, string password, IToolOutput output, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        // -i reads the password from standard input, keeping it off the command line.
        var invocation = new ToolInvocation(htpasswd, "-B", "-i", "-c", HtpasswdPath, user)
        {
            StandardInput = password,
            Secrets = [password],
            Timeout = TimeSpan.FromSeconds(30),
        };
        await ToolRunner.RunAsync(invocation, output, cancellationToken);
    }

    /// <summary>Writes <c>config.yml</c> for a registry on 127.0.0.1:<paramref name="port"/> with htpasswd auth and filesystem storage.</summary>
    public void WriteConfig(int port, string httpSecret)
    {
        Directory.CreateDirectory(StoragePath);
        var config = $"""
            version: 0.1
            log:
              level: error
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {Quote(StoragePath)}
              delete:
                enabled: true
            http:
              addr: {Quote(string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}"))}
              relativeurls: true
              secret: {Quote(httpSecret)}
            auth:
              htpasswd:
                realm: slipway-local-ecr
                path: {Quote(HtpasswdPath)}
            """;
        File.WriteAllText(ConfigPath, config + "\n");
    }

    private static string Quote(string value) => '"' + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + '"';
}

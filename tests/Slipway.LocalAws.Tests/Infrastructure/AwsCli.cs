using System.Text.Json.Nodes;
using Slipway.Tooling;

namespace Slipway.LocalAws.Tests.Infrastructure;

/// <summary>The AWS CLI (Debian's <c>awscli</c>) as a second, independent client; it reads nothing from the machine's AWS configuration.</summary>
public static class AwsCli
{
    /// <summary>Runs <c>aws --endpoint-url ... {arguments} --output json</c> as <paramref name="account"/>; returns the exit code and output.</summary>
    public static async Task<ToolResult> RunAsync(LocalAwsPlatform platform, LocalAwsAccount account, params string[] arguments)
    {
        var invocation = new ToolInvocation("aws", ["--endpoint-url", platform.Endpoint.ToString(), "--output", "json", .. arguments])
        {
            CheckExitCode = false,
            Timeout = TimeSpan.FromMinutes(2),
            Environment = new Dictionary<string, string?>
            {
                ["AWS_ACCESS_KEY_ID"] = account.AccessKeyId,
                ["AWS_SECRET_ACCESS_KEY"] = account.SecretAccessKey,
                ["AWS_SESSION_TOKEN"] = null,
                ["AWS_PROFILE"] = null,
                ["AWS_DEFAULT_REGION"] = platform.Region,
                ["AWS_CONFIG_FILE"] = "/dev/null",
                ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
                ["AWS_EC2_METADATA_DISABLED"] = "true",
                ["AWS_PAGER"] = "",
            },
        };
        return await ToolRunner.RunAsync(invocation);
    }

    /// <summary>Runs the command, asserts it succeeded and parses its JSON output.</summary>
    public static async Task<JsonObject> JsonAsync(LocalAwsPlatform platform, LocalAwsAccount account, params string[] arguments)
    {
        var result = await RunAsync(platform, account, arguments);
        Assert.True(result.ExitCode == 0, $"aws {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.StandardError}");
        return (JsonObject)JsonNode.Parse(result.StandardOutput)!;
    }
}

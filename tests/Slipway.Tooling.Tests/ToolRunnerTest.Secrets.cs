using System.Net;

namespace Slipway.Tooling.Tests;

public partial class ToolRunnerTest
{
    [Fact]
    public async Task TestRunAsync_GlobalSecretMaskedInCommandAndOutputButNotInRawOutput()
    {
        var secret = Tools.NewSecret();
        SecretMasker.Global.Register(secret);
        var output = new RecordingOutput();

        var result = await ToolRunner.RunAsync(new ToolInvocation("echo", $"--token={secret}"), output);

        Assert.Equal(["echo '--token=***'"], output.Commands);
        Assert.Equal(["--token=***"], output.Lines.Select(line => line.Text));
        Assert.DoesNotContain(secret, output.Transcript);
        Assert.Equal($"--token={secret}\n", result.StandardOutput); // raw, for callers that parse it
    }

    [Fact]
    public async Task TestRunAsync_SecretOnlyInOutputIsMaskedInEveryEncoding()
    {
        var secret = Tools.NewSecret() + " /?&";
        SecretMasker.Global.Register(secret);
        var output = new RecordingOutput();
        // The secret reaches the tool through the environment, which is never shown; base64 comes from the real tool.
        var invocation = Tools.Sh("printf '%s\\n' \"$S\"; printf '%s' \"$S\" | base64 -w0; echo; echo \"url=$U\"; echo \"form=$F\"")
            .SetEnvironment("S", secret)
            .SetEnvironment("U", Uri.EscapeDataString(secret))
            .SetEnvironment("F", WebUtility.UrlEncode(secret));

        var result = await ToolRunner.RunAsync(invocation, output);

        Assert.Equal(["***", "***", "url=***", "form=***"], output.Lines.Select(line => line.Text));
        Assert.Equal(4, result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(secret)), result.StandardOutput);
    }

    [Fact]
    public async Task TestRunAsync_PerInvocationSecretsAreMaskedForThatRunOnly()
    {
        var secret = Tools.NewSecret();
        var output = new RecordingOutput();
        var invocation = Tools.Sh("echo \"$1\"; echo \"$1\" >&2", secret).AddSecrets(secret);

        var result = await ToolRunner.RunAsync(invocation, output);

        Assert.Equal(["/bin/sh -c 'echo \"$1\"; echo \"$1\" >&2' sh '***'"], output.Commands);
        Assert.Equal(["***", "***"], result.Lines.Select(line => line.Text));
        Assert.DoesNotContain(secret, output.Transcript);
        Assert.Equal(secret, SecretMasker.Global.Mask(secret));
    }

    [Fact]
    public async Task TestRunAsync_StandardInputSecretMaskedWhenEchoedBack()
    {
        var secret = Tools.NewSecret();
        var output = new RecordingOutput();

        var result = await ToolRunner.RunAsync(new ToolInvocation("cat") { StandardInput = secret }.AddSecrets(secret), output);

        Assert.Equal(secret, result.StandardOutput);
        Assert.Equal(["***"], output.Lines.Select(line => line.Text));
        Assert.DoesNotContain(secret, output.Transcript);
    }
}

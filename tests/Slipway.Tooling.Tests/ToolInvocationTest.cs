namespace Slipway.Tooling.Tests;

public class ToolInvocationTest
{
    [Fact]
    public void TestConstructor_Defaults()
    {
        var invocation = new ToolInvocation("git", "status", "--short");

        Assert.Equal("git", invocation.FileName);
        Assert.Equal(["status", "--short"], invocation.Arguments);
        Assert.Null(invocation.WorkingDirectory);
        Assert.Empty(invocation.Environment);
        Assert.Null(invocation.Timeout);
        Assert.Null(invocation.StandardInput);
        Assert.Empty(invocation.Secrets);
        Assert.Equal("git", invocation.OutputPrefix);
        Assert.True(invocation.EchoCommand);
        Assert.True(invocation.StreamOutput);
        Assert.Equal(20, invocation.TailLines);
        Assert.True(invocation.CheckExitCode);
    }

    [Theory]
    [InlineData("git", "git")]
    [InlineData("/usr/bin/git", "git")]
    [InlineData("dotnet.exe", "dotnet")]
    public void TestOutputPrefix_DefaultsToTheFileNameWithoutExtension(string fileName, string expected)
    {
        Assert.Equal(expected, new ToolInvocation(fileName).OutputPrefix);
    }

    [Fact]
    public void TestOutputPrefix_OverrideAndReset()
    {
        var custom = new ToolInvocation("git") { OutputPrefix = "fetch" };

        Assert.Equal("fetch", custom.OutputPrefix);
        Assert.Equal("git", (custom with { OutputPrefix = null }).OutputPrefix);
    }

    [Fact]
    public void TestArguments_AreCopiedSoTheCallerCannotChangeThem()
    {
        var arguments = new[] { "status" };
        var invocation = new ToolInvocation("git", arguments);

        arguments[0] = "push";

        Assert.Equal(["status"], invocation.Arguments);
        Assert.IsNotType<string[]>(invocation.Arguments);
    }

    [Fact]
    public void TestAddAndSet_ReturnCopies()
    {
        var original = new ToolInvocation("git", "fetch");

        var changed = original
            .AddArguments("--unshallow", "origin")
            .SetEnvironment("GIT_TERMINAL_PROMPT", "0")
            .SetEnvironment("GIT_DIR", null)
            .AddSecrets("token-1");

        Assert.Equal(["fetch", "--unshallow", "origin"], changed.Arguments);
        Assert.Equal("0", changed.Environment["GIT_TERMINAL_PROMPT"]);
        Assert.True(changed.Environment.ContainsKey("GIT_DIR"));
        Assert.Null(changed.Environment["GIT_DIR"]);
        Assert.Equal(["token-1"], changed.Secrets);
        Assert.Equal(["fetch"], original.Arguments);
        Assert.Empty(original.Environment);
        Assert.Empty(original.Secrets);
    }

    [Fact]
    public void TestValidation_RejectsNonsense()
    {
        Assert.Throws<ArgumentException>(() => new ToolInvocation(" "));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ToolInvocation("git") { Timeout = TimeSpan.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ToolInvocation("git") { TailLines = -1 });
        Assert.Throws<ArgumentException>(() => new ToolInvocation("git").SetEnvironment("A=B", "c"));
        Assert.Throws<ArgumentException>(() => new ToolInvocation("git") { Arguments = [null!] });
    }

    [Fact]
    public void TestToString_ShowsTheMaskedCommandLineOnly()
    {
        var invocation = new ToolInvocation("docker", "login", "--username", "ci", "--password", "hunter2-secret")
        {
            StandardInput = "stdin-secret",
            Environment = new Dictionary<string, string?> { ["TOKEN"] = "env-secret" },
        }
            .AddSecrets("hunter2-secret");

        Assert.Equal("docker login --username ci --password '***'", invocation.ToString());
    }
}

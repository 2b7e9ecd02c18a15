namespace Slipway.Tooling.Tests;

public class ToolFailureMessageTest
{
    [Fact]
    public void TestToolFailedException_Message()
    {
        var exception = new ToolFailedException("git", 128, "git fetch --unshallow", ["fatal: not a git repository", "hint: run git init"]);

        Assert.Equal(
            "'git' exited with code 128.\n  git fetch --unshallow\nLast output:\n  fatal: not a git repository\n  hint: run git init",
            exception.Message);
        Assert.Equal(128, exception.ExitCode);
        Assert.IsAssignableFrom<ToolException>(exception);
    }

    [Fact]
    public void TestToolTimeoutException_Message()
    {
        var exception = new ToolTimeoutException("docker", TimeSpan.FromSeconds(90), "docker push app", []);

        Assert.Equal("'docker' did not finish within 90 s and was killed.\n  docker push app\nLast output: (none)", exception.Message);
        Assert.StartsWith("'sleep' did not finish within 250 ms",
            new ToolTimeoutException("sleep", TimeSpan.FromMilliseconds(250), "sleep 5", []).Message);
    }
}

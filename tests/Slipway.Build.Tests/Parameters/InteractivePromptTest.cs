using Slipway.Build.Tests.Infrastructure;
using Slipway.Logging;

namespace Slipway.Build.Tests.Parameters;

/// <summary>A build whose target asks for a confirmation when someone can answer.</summary>
public sealed class ConfirmingBuild : SlipwayBuild
{
    public string? Answer { get; private set; }

    public bool Asked { get; private set; }

    public Target Confirm => _ => _.Executes(() =>
    {
        if (this.InteractivePrompt() is { } prompt)
        {
            Asked = true;
            Answer = prompt.Ask("Go ahead? [y/N] ", secret: false);
        }

        Log.Information($"asked: {Asked}");
    });
}

public sealed class InteractivePromptTest : IDisposable
{
    private readonly InMemoryBuild _run = new();
    private readonly ConfirmingBuild _build = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void TestInteractivePrompt_OnTerminal_AsksThroughTheRunsPrompt()
    {
        var prompt = new ScriptedPrompt("y");
        (_run.Interactive, _run.Prompt) = (true, prompt);

        var run = _run.Run(() => _build, ["--target", "Confirm"], CancellationToken.None);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([("Go ahead? [y/N] ", false)], prompt.Questions);
        Assert.Equal("y", _build.Answer);
    }

    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, null)]
    public void TestInteractivePrompt_OnCiOrWithoutATerminal_IsNull(bool inputIsTerminal, string? ci)
    {
        var prompt = new ScriptedPrompt("y");
        (_run.Interactive, _run.Prompt) = (inputIsTerminal, prompt);
        _run.Environment["CI"] = ci;

        var run = _run.Run(() => _build, ["--target", "Confirm"], CancellationToken.None);

        Assert.Equal(0, run.ExitCode);
        Assert.False(_build.Asked);
        Assert.Empty(prompt.Questions);
    }
}

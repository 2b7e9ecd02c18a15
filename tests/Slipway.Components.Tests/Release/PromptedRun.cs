using Slipway.Components.Tests.Images;
using Slipway.Parameters;

namespace Slipway.Components.Tests.Release;

/// <summary>A prompt that answers from a list and records the questions, standing for the person at the terminal.</summary>
public sealed class AnsweringPrompt(params string?[] answers) : IConsolePrompt
{
    readonly Queue<string?> _answers = new(answers);

    /// <summary>Every question asked, in order.</summary>
    public List<string> Questions { get; } = [];

    /// <inheritdoc />
    public string? Ask(string question, bool secret)
    {
        Questions.Add(question);
        return _answers.Count > 0 ? _answers.Dequeue() : null;
    }
}

/// <summary>Runs a service build as a terminal (input a terminal, answered by a prompt) or as CI (environment variables) would.</summary>
public static class PromptedRun
{
    /// <summary>Runs <paramref name="args"/> on the local platform (CodeBuild would pick AWS) with <paramref name="prompt"/> (null: input is not a terminal) and <paramref name="environment"/>.</summary>
    public static (int Code, string Output) RunAs(this ServiceRepository repository, AnsweringPrompt? prompt, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var output = new StringWriter();
        var code = BuildRunner.Run(repository.NewBuild, [], new BuildRunOptions
        {
            Arguments = [.. args, "--root", repository.Root, "--no-logo", "--image-repository", "svc", "--platform", "local", "--local-aws-keep", "false"],
            Environment = environment,
            Output = output,
            InputIsTerminal = prompt is not null,
            Prompt = prompt,
            WorkingDirectory = repository.Root,
        });
        return (code, output.ToString());
    }
}

using Slipway.Parameters;

namespace Slipway.Build.Tests.Infrastructure;

/// <summary>The outcome of a build run in memory.</summary>
public sealed record BuildRun(int ExitCode, string Output);

/// <summary>A prompt that answers from a queue and records the questions.</summary>
public sealed class ScriptedPrompt(params string?[] answers) : IConsolePrompt
{
    private readonly Queue<string?> _answers = new(answers);

    public List<(string Question, bool Secret)> Questions { get; } = [];

    public string? Ask(string question, bool secret)
    {
        Questions.Add((question, secret));
        return _answers.Count > 0 ? _answers.Dequeue() : null;
    }
}

/// <summary>Runs a build class in memory against a temporary root folder (with .nuke/), capturing its log.</summary>
public sealed class InMemoryBuild : IDisposable
{
    public InMemoryBuild()
    {
        Root = Path.Combine(Path.GetTempPath(), "slipway-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(Root, ".nuke"));
    }

    public string Root { get; }

    public Dictionary<string, string?> Environment { get; } = new();

    public IConsolePrompt? Prompt { get; set; }

    public bool Interactive { get; set; }

    public string Input { get; set; } = "";

    /// <summary>Writes a file under the root (e.g. ".nuke/parameters.json").</summary>
    public void WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public string ReadFile(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>Runs <typeparamref name="T"/> with the given arguments; defaults as in Execute&lt;T&gt;(...).</summary>
    public BuildRun Run<T>(string[] args, params Func<T, Target>[] defaults)
        where T : SlipwayBuild, new() => Run(() => new T(), args, CancellationToken.None, defaults);

    /// <summary>Runs a build instance, with a token standing for Ctrl-C.</summary>
    public BuildRun Run<T>(Func<T> create, string[] args, CancellationToken abort, params Func<T, Target>[] defaults)
        where T : SlipwayBuild
    {
        var output = new StringWriter();
        var code = BuildRunner.Run(
            create,
            defaults.Select(x => (Func<object, Target>)(b => x((T)b))).ToList(),
            new BuildRunOptions
            {
                Arguments = [.. args, "--root", Root, "--no-logo"],
                Environment = Environment,
                Output = output,
                Input = new StringReader(Input),
                InputIsTerminal = Interactive,
                Prompt = Prompt,
                Abort = abort,
                WorkingDirectory = Root,
                Clock = () => new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero),
            });
        return new BuildRun(code, output.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

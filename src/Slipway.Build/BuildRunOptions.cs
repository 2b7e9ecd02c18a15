using Slipway.Parameters;

namespace Slipway;

/// <summary>The process-level inputs of a build run; tests supply their own to run a build in memory.</summary>
public sealed class BuildRunOptions
{
    /// <summary>The command-line arguments (without the program name).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The environment variables.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Where the log goes.</summary>
    public TextWriter Output { get; init; } = Console.Out;

    /// <summary>Standard input, for commands that read a value (:secrets set).</summary>
    public TextReader Input { get; init; } = Console.In;

    /// <summary>Whether output is a terminal (colours).</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Whether a person can answer prompts (input is a terminal).</summary>
    public bool InputIsTerminal { get; init; }

    /// <summary>How to ask the person at the terminal.</summary>
    public IConsolePrompt? Prompt { get; init; }

    /// <summary>Cancelled by the first Ctrl-C/SIGTERM: aborts the running target.</summary>
    public CancellationToken Abort { get; init; }

    /// <summary>Cancelled by the second Ctrl-C: stops assured (clean-up) targets too.</summary>
    public CancellationToken Kill { get; init; }

    /// <summary>The working directory, searched upwards for <c>.nuke/</c>.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>The build program's folder, searched upwards for <c>.nuke/</c> first.</summary>
    public string? ProgramDirectory { get; init; }

    /// <summary>The clock for log timestamps and the closing line.</summary>
    public Func<DateTimeOffset> Clock { get; init; } = () => DateTimeOffset.Now;
}

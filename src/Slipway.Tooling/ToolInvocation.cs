using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace Slipway.Tooling;

/// <summary>An immutable description of one tool run: what to start, with which arguments, environment, input and limits.</summary>
/// <remarks>Build one with the constructor, then refine it with <c>with { ... }</c> or the <c>Add</c>/<c>Set</c> methods, which return copies.</remarks>
public sealed record ToolInvocation
{
    private static readonly StringComparer EnvironmentNameComparer =
        OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private readonly string _fileName = "";
    private readonly IReadOnlyList<string> _arguments = [];
    private readonly IReadOnlyDictionary<string, string?> _environment = ReadOnlyDictionary<string, string?>.Empty;
    private readonly IReadOnlyList<string> _secrets = [];
    private readonly TimeSpan? _timeout;
    private readonly string? _outputPrefix;
    private readonly int _tailLines = 20;

    /// <summary>Describes a run of <paramref name="fileName"/> (a name looked up on PATH, or a path) with the given arguments.</summary>
    public ToolInvocation(string fileName, params IEnumerable<string> arguments)
    {
        FileName = fileName;
        Arguments = [.. arguments];
    }

    /// <summary>The tool to start: a name looked up on PATH, such as <c>git</c>, or a path to an executable.</summary>
    public string FileName
    {
        get => _fileName;
        init => _fileName = string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException("A tool invocation needs a file name, such as 'git'.", nameof(FileName))
            : value;
    }

    /// <summary>The arguments, each passed to the tool verbatim, never through a shell.</summary>
    public IReadOnlyList<string> Arguments
    {
        get => _arguments;
        init => _arguments = Array.AsReadOnly(CopyWithoutNulls(value, nameof(Arguments)));
    }

    /// <summary>The directory the tool runs in; null for the current directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Environment variables to set for the tool on top of the current environment; a null value removes the variable.</summary>
    public IReadOnlyDictionary<string, string?> Environment
    {
        get => _environment;
        init => _environment = new ReadOnlyDictionary<string, string?>(
            new Dictionary<string, string?>(value ?? throw new ArgumentNullException(nameof(Environment)), EnvironmentNameComparer));
    }

    /// <summary>How long the tool may run before its whole process tree is killed; null for no limit.</summary>
    public TimeSpan? Timeout
    {
        get => _timeout;
        init => _timeout = value <= TimeSpan.Zero
            ? throw new ArgumentOutOfRangeException(nameof(Timeout), value, "A timeout must be positive; use null for no limit.")
            : value;
    }

    /// <summary>Text written to the tool's standard input, which is then closed; the way to pass a password without putting it in the command line.</summary>
    /// <remarks>It is written as UTF-8 exactly as given, with no line break added; it is not masked unless it is also in <see cref="Secrets"/>.</remarks>
    public string? StandardInput { get; init; }

    /// <summary>Values to mask for this run only, in addition to those in <see cref="SecretMasker.Global"/>.</summary>
    public IReadOnlyList<string> Secrets
    {
        get => _secrets;
        init => _secrets = Array.AsReadOnly(CopyWithoutNulls(value, nameof(Secrets)));
    }

    /// <summary>The prefix shown before each streamed line; defaults to the file name without directory and extension, such as <c>git</c>.</summary>
    [AllowNull]
    public string OutputPrefix
    {
        get => _outputPrefix ?? Path.GetFileNameWithoutExtension(_fileName);
        init => _outputPrefix = value;
    }

    /// <summary>Whether the masked command line is sent to the output before the tool starts.</summary>
    public bool EchoCommand { get; init; } = true;

    /// <summary>Whether each masked output line is sent to the output as it arrives.</summary>
    public bool StreamOutput { get; init; } = true;

    /// <summary>How many of the last output lines a failure message quotes.</summary>
    public int TailLines
    {
        get => _tailLines;
        init => _tailLines = value < 0
            ? throw new ArgumentOutOfRangeException(nameof(TailLines), value, "The number of tail lines cannot be negative.")
            : value;
    }

    /// <summary>Whether a non-zero exit code throws <see cref="ToolFailedException"/>; when false it is returned in the result.</summary>
    public bool CheckExitCode { get; init; } = true;

    /// <summary>Returns a copy with <paramref name="arguments"/> appended.</summary>
    public ToolInvocation AddArguments(params IEnumerable<string> arguments) => this with { Arguments = [.. Arguments, .. arguments] };

    /// <summary>Returns a copy that sets the environment variable <paramref name="name"/>, or removes it when <paramref name="value"/> is null.</summary>
    public ToolInvocation SetEnvironment(string name, string? value)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('='))
            throw new ArgumentException($"'{name}' is not a valid environment variable name.", nameof(name));
        return this with { Environment = new Dictionary<string, string?>(Environment, EnvironmentNameComparer) { [name] = value } };
    }

    /// <summary>Returns a copy that also masks <paramref name="secrets"/>.</summary>
    public ToolInvocation AddSecrets(params IEnumerable<string> secrets) => this with { Secrets = [.. Secrets, .. secrets] };

    /// <summary>The command line with secrets masked; never shows the environment or standard input.</summary>
    public override string ToString() => CommandLine.Format(FileName, Arguments, SecretMasker.Global.With(Secrets));

    private static string[] CopyWithoutNulls(IEnumerable<string>? values, string name)
    {
        var copy = values?.ToArray() ?? throw new ArgumentNullException(name);
        return copy.Any(value => value is null) ? throw new ArgumentException($"{name} cannot contain null.", name) : copy;
    }
}

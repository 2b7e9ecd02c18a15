using Slipway.Tooling;

namespace Slipway.Logging;

/// <summary>Writes the build's console log: timestamped, levelled lines with every registered secret masked.</summary>
public sealed class Logger
{
    private readonly object _gate = new();
    private readonly TextWriter _out;
    private readonly Func<DateTimeOffset> _clock;
    private readonly List<(LogLevel Level, string Message)> _problems = [];
    private TextWriter? _file;

    /// <summary>Creates a logger writing to <paramref name="output"/>.</summary>
    public Logger(TextWriter output, Verbosity verbosity = Verbosity.Normal, bool colors = false, Func<DateTimeOffset>? clock = null, SecretMasker? masker = null)
    {
        _out = output;
        Verbosity = verbosity;
        Colors = colors;
        _clock = clock ?? (() => DateTimeOffset.Now);
        Masker = masker ?? SecretMasker.Global;
    }

    /// <summary>The verbosity lines are filtered by.</summary>
    public Verbosity Verbosity { get; set; }

    /// <summary>Whether ANSI colours are written.</summary>
    public bool Colors { get; set; }

    /// <summary>The masker applied to every line.</summary>
    public SecretMasker Masker { get; }

    /// <summary>Warnings and errors written so far, in order.</summary>
    public IReadOnlyList<(LogLevel Level, string Message)> Problems
    {
        get
        {
            lock (_gate)
                return _problems.ToList();
        }
    }

    /// <summary>Also writes every line (without colours) to a file, e.g. .nuke/temp/build.log, until the returned handle is disposed (which closes the file).</summary>
    public IDisposable AttachFile(TextWriter file)
    {
        lock (_gate)
            _file = file;
        return new FileAttachment(this, file);
    }

    private sealed class FileAttachment(Logger logger, TextWriter file) : IDisposable
    {
        public void Dispose()
        {
            lock (logger._gate)
            {
                if (ReferenceEquals(logger._file, file))
                    logger._file = null;
            }

            file.Dispose();
        }
    }

    /// <summary>Writes a levelled, timestamped line.</summary>
    public void Write(LogLevel level, string message)
    {
        var masked = Masker.Mask(message);
        lock (_gate)
        {
            if (level >= LogLevel.Warning)
                _problems.Add((level, masked));
            var time = _clock().ToString("HH:mm:ss");
            var tag = level switch
            {
                LogLevel.Verbose => "VRB",
                LogLevel.Information => "INF",
                LogLevel.Warning => "WRN",
                _ => "ERR",
            };
            var group = Group is { } name ? $"[{name}] " : "";
            foreach (var line in masked.Split('\n'))
            {
                var text = $"{time} [{tag}] {group}{line.TrimEnd('\r')}";
                _file?.WriteLine(text);
                if (IsShown(level))
                    _out.WriteLine(Colorize(level, text));
            }

            _file?.Flush();
        }
    }

    /// <summary>Writes text as it is (help, plan, tables), masked, when the verbosity shows <paramref name="level"/>.</summary>
    public void WriteRaw(string text, LogLevel level = LogLevel.Information)
    {
        var masked = Masker.Mask(text);
        lock (_gate)
        {
            _file?.WriteLine(masked);
            _file?.Flush();
            if (IsShown(level))
                _out.WriteLine(masked);
        }
    }

    /// <summary>The running target whose name prefixes each levelled line, on hosts that group logs per target; null elsewhere.</summary>
    public string? Group { get; set; }

    /// <summary>Writes the block that opens a target's log.</summary>
    public void TargetHeader(string name)
    {
        var rule = new string('═', Math.Max(40, name.Length + 4));
        WriteRaw($"{Environment.NewLine}{rule}{Environment.NewLine}{name}{Environment.NewLine}{new string('─', rule.Length)}{Environment.NewLine}", LogLevel.Warning);
    }

    /// <summary>Whether a line of this level is printed at the current verbosity.</summary>
    public bool IsShown(LogLevel level) => Verbosity switch
    {
        Verbosity.Quiet => level >= LogLevel.Error,
        Verbosity.Minimal => level >= LogLevel.Warning,
        Verbosity.Normal => level >= LogLevel.Information,
        _ => true,
    };

    private string Colorize(LogLevel level, string text) => !Colors
        ? text
        : level switch
        {
            LogLevel.Verbose => $"\u001b[90m{text}\u001b[0m",
            LogLevel.Warning => $"\u001b[33m{text}\u001b[0m",
            LogLevel.Error => $"\u001b[31m{text}\u001b[0m",
            _ => text,
        };
}

namespace Slipway.Logging;

/// <summary>The log of the build that is running, for use inside target actions.</summary>
public static class Log
{
    private static readonly AsyncLocal<Logger?> CurrentLogger = new();
    private static Logger? _fallback;

    /// <summary>The logger of the current build (a console logger when none runs).</summary>
    public static Logger Current => CurrentLogger.Value ?? _fallback ?? (_fallback = new Logger(Console.Out));

    internal static void Use(Logger logger) => CurrentLogger.Value = logger;

    /// <summary>Writes a verbose diagnostic line.</summary>
    public static void Verbose(string message) => Current.Write(LogLevel.Verbose, message);

    /// <summary>Writes a verbose diagnostic line (alias of <see cref="Verbose"/>).</summary>
    public static void Debug(string message) => Current.Write(LogLevel.Verbose, message);

    /// <summary>Writes a progress line.</summary>
    public static void Information(string message) => Current.Write(LogLevel.Information, message);

    /// <summary>Writes a warning, repeated before the summary.</summary>
    public static void Warning(string message) => Current.Write(LogLevel.Warning, message);

    /// <summary>Writes an error, repeated before the summary.</summary>
    public static void Error(string message) => Current.Write(LogLevel.Error, message);
}

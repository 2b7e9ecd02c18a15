namespace Slipway.Logging;

/// <summary>How much the build prints.</summary>
public enum Verbosity
{
    /// <summary>Errors and the summary only.</summary>
    Quiet,

    /// <summary>Warnings, errors, target headers and the summary.</summary>
    Minimal,

    /// <summary>Everything but verbose diagnostics (the default).</summary>
    Normal,

    /// <summary>Everything, including verbose diagnostics.</summary>
    Verbose,
}

/// <summary>The level of one log line.</summary>
public enum LogLevel
{
    /// <summary>Diagnostics shown with --verbosity verbose.</summary>
    Verbose,

    /// <summary>Normal progress.</summary>
    Information,

    /// <summary>Something to look at; repeated before the summary.</summary>
    Warning,

    /// <summary>Something failed; repeated before the summary.</summary>
    Error,
}

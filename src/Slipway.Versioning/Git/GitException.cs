namespace Slipway.Versioning.Git;

/// <summary>Reading a git repository failed; the message names the command, the folder and what to do.</summary>
public sealed class GitException : Exception
{
    /// <summary>Creates the error with a message that says what failed and what to do.</summary>
    public GitException(string message, string? directory = null, string? command = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Directory = directory;
        Command = command;
    }

    /// <summary>The folder git ran in, or was asked to read.</summary>
    public string? Directory { get; }

    /// <summary>The git command line that failed (with secrets masked), when a command failed.</summary>
    public string? Command { get; }
}

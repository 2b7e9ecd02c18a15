namespace Slipway.Versioning.Configuration;

/// <summary>A GitVersion configuration that cannot be used: malformed YAML, an invalid value or regex, an unknown workflow; the message names the file, the key and what to do.</summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception with a message that names the file and the fix.</summary>
    public ConfigurationException(string message)
        : base(message) =>
        Problems = [message];

    /// <summary>Creates the exception with a message that names the file and the fix, and the parser's error.</summary>
    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException) =>
        Problems = [message];

    /// <summary>Each problem found, one line each (one entry when the file could not be read at all).</summary>
    public IReadOnlyList<string> Problems { get; init; }
}

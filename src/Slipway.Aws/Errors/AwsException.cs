namespace Slipway.Aws;

/// <summary>Base of every failure Slipway.Aws reports.</summary>
public class AwsException : Exception
{
    /// <summary>Creates the exception with a message that says what failed and what to do.</summary>
    public AwsException(string message, Exception? innerException = null) : base(message, innerException) { }
}

/// <summary>An option, region, endpoint or profile setting is missing or malformed.</summary>
public class AwsConfigurationException : AwsException
{
    /// <summary>Creates the exception; the message names the offending input in quotes.</summary>
    public AwsConfigurationException(string message, Exception? innerException = null) : base(message, innerException) { }
}

/// <summary>The service could not be reached (connection refused or dropped, timeouts) even after retrying.</summary>
public sealed class AwsConnectionException : AwsException
{
    /// <summary>Creates the exception for a call that failed on the transport.</summary>
    public AwsConnectionException(string message, int attempts, Exception innerException) : base(message, innerException) =>
        Attempts = attempts;

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }
}

/// <summary>The service answered with something that is not the expected JSON.</summary>
public sealed class AwsProtocolException : AwsException
{
    /// <summary>Creates the exception for an unreadable response.</summary>
    public AwsProtocolException(string message, string? requestId, Exception? innerException = null)
        : base(message, innerException) => RequestId = requestId;

    /// <summary>The x-amzn-RequestId of the unreadable response, when there was one.</summary>
    public string? RequestId { get; }
}

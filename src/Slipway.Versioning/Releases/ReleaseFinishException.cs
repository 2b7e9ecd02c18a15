namespace Slipway.Versioning.Releases;

/// <summary>A release finish was refused or stopped; the message names the input, what was found and what to do.</summary>
public sealed class ReleaseFinishException(string message) : Exception(message);

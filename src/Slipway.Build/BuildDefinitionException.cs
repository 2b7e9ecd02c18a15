namespace Slipway;

/// <summary>The build's targets or parameters are defined or invoked wrongly; the message says what to change.</summary>
public sealed class BuildDefinitionException(string message) : Exception(message);

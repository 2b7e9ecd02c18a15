namespace Slipway.Containers.References;

/// <summary>An image reference that does not follow Docker's reference grammar.</summary>
public sealed class ImageReferenceException(string input, string part, string message)
    : FormatException($"Image reference '{input}' is invalid: {part} {message}")
{
    /// <summary>The text that failed to parse.</summary>
    public string Input { get; } = input;

    /// <summary>The part that is wrong: "registry", "repository", "tag" or "digest".</summary>
    public string Part { get; } = part;
}

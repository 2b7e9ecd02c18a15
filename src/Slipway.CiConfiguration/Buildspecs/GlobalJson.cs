using System.Text.Json;

namespace Slipway.CiConfiguration.Buildspecs;

/// <summary>Reads the SDK a repository pins in global.json, for the runtime version CodeBuild installs.</summary>
public static class GlobalJson
{
    /// <summary>The major.minor of <c>sdk.version</c> in the global.json at <paramref name="path"/> (10.0.100 gives 10.0), or null when the file or the key is absent.</summary>
    public static string? SdkMajorMinor(string path)
    {
        if (!File.Exists(path))
            return null;
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("sdk", out var sdk) || !sdk.TryGetProperty("version", out var version) || version.GetString() is not { } text)
            return null;
        var parts = text.Split('.');
        return parts.Length >= 2 && int.TryParse(parts[0], out var major) && int.TryParse(parts[1], out var minor)
            ? $"{major}.{minor}"
            : throw new InvalidOperationException($"global.json '{path}' has sdk.version '{text}', expected a version such as 10.0.100. Fix the file, or declare the runtime version on the build.");
    }
}

namespace Slipway.Tooling;

/// <summary>The tool's executable was not found on PATH, or not at the path given.</summary>
public sealed class ToolNotFoundException : ToolException
{
    /// <summary>Creates the error for <paramref name="toolName"/>, listing where it was looked for and how to get it.</summary>
    public ToolNotFoundException(string toolName, IReadOnlyList<string> searchedLocations, string advice)
        : base(toolName, FormatMessage(toolName, searchedLocations, advice))
    {
        SearchedLocations = searchedLocations;
    }

    /// <summary>The directories of PATH that were searched, or the single path that was checked.</summary>
    public IReadOnlyList<string> SearchedLocations { get; }

    private static string FormatMessage(string toolName, IReadOnlyList<string> searchedLocations, string advice)
    {
        var searched = searchedLocations.Count == 0
            ? "  (nothing: PATH holds no absolute directory)"
            : string.Join('\n', searchedLocations.Select(location => "  " + location));
        return $"Tool '{toolName}' was not found. {advice}\nSearched:\n{searched}";
    }
}

namespace Slipway.Tooling;

/// <summary>The base of every error a tool run reports: the tool could not be found, started, finished in time, or succeeded.</summary>
public class ToolException : Exception
{
    /// <summary>Creates an error about the tool <paramref name="toolName"/>.</summary>
    public ToolException(string toolName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ToolName = toolName;
    }

    /// <summary>The tool's file name as the invocation gave it, such as <c>git</c>.</summary>
    public string ToolName { get; }
}

namespace Slipway.Tooling;

/// <summary>Receives what a tool run shows: the command line, then each output line as it arrives; all text is already masked.</summary>
/// <remarks>The calls for one run never overlap, so an implementation used by one run at a time needs no locking.</remarks>
public interface IToolOutput
{
    /// <summary>Receives the masked command line, before the tool starts.</summary>
    void Command(string redactedCommandLine);

    /// <summary>Receives one masked output line, as soon as the tool has written it.</summary>
    void Line(ToolOutputLine line);
}

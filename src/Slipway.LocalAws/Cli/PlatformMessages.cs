using Slipway.Tooling;

namespace Slipway.LocalAws.Cli;

/// <summary>Shows the platform's own messages (such as waiting for a busy kept port) on standard error, without the registries' output.</summary>
internal sealed class PlatformMessages(TextWriter error) : IToolOutput
{
    public void Command(string redactedCommandLine)
    {
    }

    public void Line(ToolOutputLine line)
    {
        if (line.Prefix == "local-aws")
            error.WriteLine(line.Text);
    }
}

using System.Diagnostics;
using System.Text;

namespace Slipway.Tooling;

/// <summary>Turns a <see cref="ToolInvocation"/> into a <see cref="ProcessStartInfo"/>: no shell, every stream redirected, the executable resolved.</summary>
internal static class ToolStartInfo
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The start info for <paramref name="invocation"/>; throws <see cref="ToolException"/> when the tool or directory is missing.</summary>
    public static ProcessStartInfo Create(ToolInvocation invocation)
    {
        var workingDirectory = Path.GetFullPath(invocation.WorkingDirectory ?? Directory.GetCurrentDirectory());
        if (!Directory.Exists(workingDirectory))
        {
            throw new ToolException(invocation.FileName,
                $"Working directory '{workingDirectory}' for '{invocation.FileName}' does not exist.");
        }

        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            WorkingDirectory = workingDirectory,
            // Standard input is always redirected, and closed at once when there is none to give, so a tool that
            // reads it sees end of file instead of waiting on the build's own console.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        foreach (var argument in invocation.Arguments)
            startInfo.ArgumentList.Add(argument);
        foreach (var (name, value) in invocation.Environment)
        {
            if (value is null)
                startInfo.Environment.Remove(name);
            else
                startInfo.Environment[name] = value;
        }

        // Search the PATH the tool itself will see, overrides included.
        startInfo.FileName = ToolLocator.Resolve(invocation.FileName, workingDirectory, startInfo.Environment.TryGetValue("PATH", out var path) ? path : null);
        return startInfo;
    }
}

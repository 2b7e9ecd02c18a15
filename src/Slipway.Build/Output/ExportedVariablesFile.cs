using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Output;

/// <summary>
/// <c>.nuke/temp/exported-variables.sh</c>: the values targets exported, as <c>export NAME='value'</c> lines a shell sources. CodeBuild exports
/// what the shell environment holds at the end of the build, and a child process cannot change its parent's environment, so the
/// buildspec sources this file after <c>./build.sh</c>.
/// </summary>
public static partial class ExportedVariablesFile
{
    /// <summary>The file's name under <c>.nuke/temp</c>.</summary>
    public const string FileName = "exported-variables.sh";

    /// <summary>Throws when <paramref name="name"/> cannot be exported: not a shell name, or a name CodeBuild reserves.</summary>
    public static void CheckName(string name)
    {
        if (!ShellName().IsMatch(name))
            throw new ArgumentException($"Exported variable '{name}' is not a shell variable name: use letters, digits and '_', not starting with a digit.", nameof(name));
        if (name.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase) || name.StartsWith("CODEBUILD_", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Exported variable '{name}' uses a prefix CodeBuild reserves (AWS_, CODEBUILD_): choose another name, e.g. SLIPWAY_{name}.", nameof(name));
    }

    /// <summary>The file's text: one single-quoted <c>export</c> line per variable, in order.</summary>
    public static string Render(IEnumerable<KeyValuePair<string, string>> variables)
    {
        var text = new StringBuilder("# Written by the Slipway build: the values its targets exported. Source it: . ./.nuke/temp/exported-variables.sh\n");
        foreach (var (name, value) in variables)
            text.Append("export ").Append(name).Append("='").Append(value.Replace("'", "'\\''", StringComparison.Ordinal)).Append("'\n");
        return text.ToString();
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ShellName();
}

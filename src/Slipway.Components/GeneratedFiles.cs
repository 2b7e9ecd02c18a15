using Slipway.CiConfiguration;
using Slipway.IO;
using Slipway.Logging;

namespace Slipway.Components;

/// <summary>What happened to a generated file.</summary>
public enum GeneratedFileOutcome
{
    /// <summary>The file already held the generated text.</summary>
    Unchanged,

    /// <summary>The file was written.</summary>
    Written,
}

/// <summary>Writing or checking the files a build generates and commits.</summary>
public static class GeneratedFiles
{
    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="path"/> when it differs and reports "unchanged" or "written"; with --verify never
    /// writes, and fails with a unified diff naming the file and <paramref name="regenerateCommand"/> when the committed file differs.
    /// </summary>
    public static async Task<GeneratedFileOutcome> WriteOrVerifyAsync(this IHazGeneratedFiles build, AbsolutePath path, string text, string regenerateCommand, CancellationToken ct)
    {
        var name = path.RelativeTo(build.RootDirectory);
        var committed = path.FileExists ? await File.ReadAllTextAsync(path, ct) : null;
        if (GeneratedFileDiff.AreEqual(committed, text))
        {
            build.ReportSummary(name, "unchanged");
            return GeneratedFileOutcome.Unchanged;
        }

        if (build.Verify)
        {
            var state = committed is null ? "does not exist" : "differs from what the build generates";
            throw new InvalidOperationException(
                $"'{name}' {state}. Run '{regenerateCommand}' and commit the result.{Environment.NewLine}{GeneratedFileDiff.Render(name, committed, text)}");
        }

        path.Parent?.CreateDirectory();
        await File.WriteAllTextAsync(path, text, ct);
        Log.Information($"Wrote {name}.");
        build.ReportSummary(name, "written");
        return GeneratedFileOutcome.Written;
    }
}

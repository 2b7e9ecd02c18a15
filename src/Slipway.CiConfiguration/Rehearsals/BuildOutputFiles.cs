using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.CiConfiguration.Rehearsals;

/// <summary>
/// Collects the files a buildspec's <c>artifacts</c> or <c>reports.GROUP</c> name, as CodeBuild uploads them: globs relative to
/// <c>base-directory</c> (itself relative to the source folder), <c>*</c> and <c>?</c> within one path segment and <c>**</c> across
/// any number, kept under their path relative to the base directory, or by file name alone with <c>discard-paths: yes</c>.
/// </summary>
internal static class BuildOutputFiles
{
    /// <summary>Copies the matching files to <paramref name="destination"/>; returns their paths there (relative, '/'-separated) and the patterns that matched nothing.</summary>
    public static (List<string> Copied, List<string> Unmatched) Collect(string sourceDirectory, IReadOnlyList<string> files, string? baseDirectory, bool discardPaths, string destination)
    {
        var root = Path.GetFullPath(Path.Combine(sourceDirectory, baseDirectory ?? "."));
        var candidates = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(x => Path.GetRelativePath(root, x).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList()
            : [];
        var copied = new List<string>();
        var unmatched = new List<string>();
        foreach (var pattern in files)
        {
            var regex = Glob(pattern);
            var matches = candidates.Where(x => regex.IsMatch(x)).ToList();
            if (matches.Count == 0)
                unmatched.Add(pattern);
            foreach (var match in matches)
            {
                var target = discardPaths ? Path.GetFileName(match) : match;
                if (copied.Contains(target, StringComparer.Ordinal))
                    continue;
                var path = Path.Combine(destination, target);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.Copy(Path.Combine(root, match), path, overwrite: true);
                copied.Add(target);
            }
        }

        return (copied, unmatched);
    }

    /// <summary>The regular expression of a buildspec glob, matched against '/'-separated paths relative to the base directory.</summary>
    public static Regex Glob(string pattern)
    {
        var path = pattern.Trim();
        while (path.StartsWith("./", StringComparison.Ordinal))
            path = path[2..];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var regex = new StringBuilder("^");
        for (var index = 0; index < segments.Length; index++)
        {
            var last = index == segments.Length - 1;
            if (segments[index] == "**")
            {
                // '**' alone at the end is every file below; in the middle it is zero or more folders.
                regex.Append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }

            foreach (var character in segments[index])
            {
                regex.Append(character switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(character.ToString()),
                });
            }

            if (!last)
                regex.Append('/');
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}

using System.Text;
using Slipway.Text;

namespace Slipway.Parameters;

/// <summary>How a parameter's member name becomes its command-line option and environment variable names.</summary>
public static class ParameterNames
{
    /// <summary>The prefix accepted in front of any environment variable name.</summary>
    public const string EnvironmentPrefix = "SLIPWAY_";

    // Product names whose humps are not word breaks.
    private static readonly string[] KnownWords = ["GitVersion", "GitHub", "GitLab", "NuGet", "DotNet", "CodeBuild", "CodePipeline", "CloudFormation", "TeamCity", "AppVeyor"];

    /// <summary>The option name: camel humps split by dashes, lower case (<c>DockerHost</c> is <c>docker-host</c>).</summary>
    public static string ToCliName(string member) => string.Join('-', Words(member)).ToLowerInvariant();

    /// <summary>The canonical environment variable name: humps split by underscores, upper case (<c>DOCKER_HOST</c>).</summary>
    public static string ToEnvironmentName(string member) => string.Join('_', Words(member)).ToUpperInvariant();

    /// <summary>Whether an environment variable name refers to the parameter: exact, or equal ignoring case, underscores, dashes and an optional SLIPWAY_ prefix.</summary>
    public static bool MatchesEnvironmentName(string variable, string member)
    {
        if (variable == member)
            return true;
        var name = variable.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) ? variable[EnvironmentPrefix.Length..] : variable;
        return Suggestions.Normalize(name) == Suggestions.Normalize(member);
    }

    /// <summary>Splits a member name into words at camel humps, digits and acronym ends, keeping known product names whole.</summary>
    public static IReadOnlyList<string> Words(string member)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var i = 0;
        while (i < member.Length)
        {
            var known = KnownWords.FirstOrDefault(x => string.CompareOrdinal(member, i, x, 0, x.Length) == 0 && (i + x.Length == member.Length || !char.IsLower(member[i + x.Length])));
            if (known is not null)
            {
                Flush();
                words.Add(known);
                i += known.Length;
                continue;
            }

            var c = member[i];
            if (c is '_' or '-')
            {
                Flush();
                i++;
                continue;
            }

            var startsWord = current.Length > 0 && char.IsUpper(c) &&
                (char.IsLower(member[i - 1]) || char.IsDigit(member[i - 1]) || (i + 1 < member.Length && char.IsLower(member[i + 1])));
            if (startsWord)
                Flush();
            current.Append(c);
            i++;
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
                words.Add(current.ToString());
            current.Clear();
        }
    }
}

using System.Text.RegularExpressions;

namespace Slipway.Aws.Ecr;

/// <summary>ECR's rules for repository names: which names it accepts, and a default name made from a folder.</summary>
public static partial class EcrRepositoryName
{
    /// <summary>Whether ECR accepts <paramref name="name"/>: 2 to 256 characters of lower-case letters, digits and . _ - /, each part starting with a letter or digit.</summary>
    public static bool IsValid(string name) => ValidName().IsMatch(name);

    /// <summary>Returns <paramref name="name"/> when ECR accepts it; else fails naming <paramref name="source"/> (e.g. <c>--image-repository</c>) and the rule.</summary>
    /// <exception cref="ArgumentException">The name is not an ECR repository name.</exception>
    public static string Check(string name, string source) =>
        IsValid(name) ? name : throw new ArgumentException(
            $"{source} '{name}' is not an ECR repository name: 2 to 256 characters of lower-case letters, digits and . _ - /, starting with a letter or digit, e.g. 'orders' or 'team/orders'.");

    /// <summary>A repository name from <paramref name="folder"/>: in lower case, with characters ECR refuses replaced by '-' ("service" when too little is left).</summary>
    public static string FromFolder(string folder)
    {
        var name = Unsafe().Replace(folder.ToLowerInvariant(), "-").Trim('-', '.', '_');
        return name.Length >= 2 ? name : "service";
    }

    [GeneratedRegex(@"[^a-z0-9._/-]+")]
    private static partial Regex Unsafe();

    [GeneratedRegex(@"^(?=.{2,256}$)[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$")]
    private static partial Regex ValidName();
}

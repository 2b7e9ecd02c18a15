using System.Text;
using Slipway.Versioning.Configuration;

namespace Slipway.Versioning.Releases;

/// <summary>
/// The literal a release tag starts with, from GitVersion's <c>tag-prefix</c>: a regex that reads tags, which cannot itself
/// be written. Read as a sequence of characters: plain and escaped characters are written as they are, a character class
/// (<c>[vV]</c>) writes the first character it lists, and a part made optional by <c>?</c> or <c>*</c> is left out, so
/// <c>[vV]?</c> (the default) gives "", <c>v</c> and <c>[vV]</c> give "v", <c>app-v</c> gives "app-v". Anything with no single
/// obvious literal (alternation, groups, <c>.</c>, <c>\d</c>, ranges, negated classes, counted repeats) is refused, asking for
/// the literal. Whatever the literal, the tag it gives must read back through <c>tag-prefix</c> as the version.
/// </summary>
public static class ReleaseTagPrefix
{
    private const string Metacharacters = ".$|()*+?{}";

    /// <summary>The literal to write for the <c>tag-prefix</c> regex <paramref name="tagPrefix"/>.</summary>
    /// <exception cref="ReleaseFinishException">The regex has no single obvious literal.</exception>
    public static string Literal(string tagPrefix)
    {
        ArgumentNullException.ThrowIfNull(tagPrefix);
        var literal = new StringBuilder();
        var index = tagPrefix.StartsWith('^') ? 1 : 0;
        while (index < tagPrefix.Length)
        {
            var atom = ReadAtom(tagPrefix, ref index);
            var quantifier = index < tagPrefix.Length ? tagPrefix[index] : '\0';
            if (quantifier is '?' or '*' or '+')
            {
                index++;
                if (index < tagPrefix.Length && tagPrefix[index] is '?' or '+')
                    throw NoLiteral(tagPrefix, $"the lazy or possessive quantifier at position {index + 1}");
            }

            // An optional part is left out: the shortest tag GitVersion still reads.
            if (quantifier is not ('?' or '*'))
                literal.Append(atom);
        }

        return literal.ToString();
    }

    /// <summary>
    /// The release tag for <paramref name="version"/>: <paramref name="literal"/> (or <see cref="Literal"/> of
    /// <paramref name="tagPrefix"/>) followed by the version, checked to read back through <paramref name="tagPrefix"/> as that version.
    /// </summary>
    /// <exception cref="ReleaseFinishException">No literal can be derived, or the tag would not be read as <paramref name="version"/>.</exception>
    public static string TagName(string tagPrefix, string version, string? literal = null)
    {
        ArgumentNullException.ThrowIfNull(tagPrefix);
        ArgumentNullException.ThrowIfNull(version);
        var tag = (literal ?? Literal(tagPrefix)) + version;
        if (SemanticVersion.TryParse(tag, tagPrefix, SemanticVersionFormat.Strict, out var read) && read!.ToString() == version)
            return tag;
        throw new ReleaseFinishException(
            $"Tag '{tag}' would not be read back as version {version} through GitVersion's tag-prefix '{tagPrefix}', so later versions " +
            (literal is null ? "would not see this release. " : $"would not see this release: the tag prefix '{literal}' is not one tag-prefix matches. ") +
            "Pass a tag prefix that tag-prefix matches (--tag-prefix), or change tag-prefix in GitVersion.yml.");
    }

    private static string ReadAtom(string tagPrefix, ref int index)
    {
        var character = tagPrefix[index];
        switch (character)
        {
            case '\\':
                return Escaped(tagPrefix, ref index);
            case '[':
                return FirstOfClass(tagPrefix, ref index);
            default:
                if (Metacharacters.Contains(character, StringComparison.Ordinal) || character == '^')
                    throw NoLiteral(tagPrefix, $"'{character}' at position {index + 1}");
                index++;
                return character.ToString();
        }
    }

    // "\." is a dot; "\d", "\w" and the like stand for many characters.
    private static string Escaped(string tagPrefix, ref int index)
    {
        if (index + 1 >= tagPrefix.Length || char.IsLetterOrDigit(tagPrefix[index + 1]))
            throw NoLiteral(tagPrefix, $"the escape '{tagPrefix[index..Math.Min(index + 2, tagPrefix.Length)]}' at position {index + 1}");
        index += 2;
        return tagPrefix[index - 1].ToString();
    }

    private static string FirstOfClass(string tagPrefix, ref int index)
    {
        var start = index;
        index++;
        var members = new List<char>();
        while (index < tagPrefix.Length && tagPrefix[index] != ']')
        {
            if (tagPrefix[index] == '^' && index == start + 1)
                throw NoLiteral(tagPrefix, $"the negated class at position {start + 1}");
            if (tagPrefix[index] == '\\')
            {
                members.Add(Escaped(tagPrefix, ref index)[0]);
                continue;
            }

            if (tagPrefix[index] == '-' && members.Count > 0 && index + 1 < tagPrefix.Length && tagPrefix[index + 1] != ']')
                throw NoLiteral(tagPrefix, $"the range in the class at position {start + 1}");
            members.Add(tagPrefix[index++]);
        }

        if (index >= tagPrefix.Length || members.Count == 0)
            throw NoLiteral(tagPrefix, $"the unfinished or empty class at position {start + 1}");
        index++;
        return members[0].ToString();
    }

    private static ReleaseFinishException NoLiteral(string tagPrefix, string what) => new(
        $"GitVersion's tag-prefix '{tagPrefix}' is a regex with no single prefix to write in a release tag ({what}). " +
        "Pass the literal prefix the release tag should start with (--tag-prefix, e.g. --tag-prefix v), one that tag-prefix matches.");
}

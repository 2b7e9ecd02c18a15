namespace Slipway.Tooling;

/// <summary>Formats a command line for display the way a POSIX shell would read it, quoting only the arguments that need it.</summary>
internal static class CommandLine
{
    /// <summary>The masked, shell-quoted command line, such as <c>git commit -m 'fix: it'\''s done'</c>.</summary>
    public static string Format(string fileName, IEnumerable<string> arguments, SecretMasker masker) =>
        // Mask each word before quoting: quoting can change a secret's spelling (a ' becomes '\'') and hide it from the masker.
        string.Join(' ', arguments.Prepend(fileName).Select(word => Quote(masker.Mask(word))));

    /// <summary>The word unchanged when a shell would read it literally, otherwise in single quotes.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(IsLiteral) ? word : "'" + word.Replace("'", @"'\''") + "'";

    private static bool IsLiteral(char character) =>
        char.IsAsciiLetterOrDigit(character) || "@%+=:,./_-".Contains(character);
}

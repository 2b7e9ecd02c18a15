namespace Slipway.Tooling.Tests;

public class CommandLineTest
{
    [Theory]
    [InlineData("status", "status")]
    [InlineData("--format=%H:%s,a/b.c@d+e_f", "--format=%H:%s,a/b.c@d+e_f")]
    [InlineData("", "''")]
    [InlineData("a b", "'a b'")]
    [InlineData("it's", @"'it'\''s'")]
    [InlineData("$HOME", "'$HOME'")]
    [InlineData("a;b", "'a;b'")]
    [InlineData("*", "'*'")]
    [InlineData("~", "'~'")]
    [InlineData("line1\nline2", "'line1\nline2'")]
    [InlineData("\"quoted\"", "'\"quoted\"'")]
    public void TestQuote_QuotesOnlyWhatAShellWouldInterpret(string word, string expected)
    {
        Assert.Equal(expected, CommandLine.Quote(word));
    }

    [Fact]
    public void TestFormat_MasksEachWordBeforeQuoting()
    {
        // Quoting turns ' into '\'' which would hide the secret from a masker applied to the whole line.
        var masker = new SecretMasker("pa'ss");

        var line = CommandLine.Format("docker", ["login", "-p", "pa'ss", "my registry"], masker);

        Assert.Equal("docker login -p '***' 'my registry'", line);
    }
}

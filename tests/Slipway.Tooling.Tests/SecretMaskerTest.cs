using System.Net;
using System.Text;

namespace Slipway.Tooling.Tests;

public class SecretMaskerTest
{
    [Fact]
    public void TestMask_ReplacesEveryOccurrence()
    {
        var masker = new SecretMasker("hunter2");

        Assert.Equal("password=*** again *** end", masker.Mask("password=hunter2 again hunter2 end"));
    }

    [Fact]
    public void TestMask_NestedSecretsAreMaskedWhole()
    {
        var masker = new SecretMasker("abc", "abcdef");

        Assert.Equal("x***x ***", masker.Mask("xabcdefx abc"));
    }

    [Fact]
    public void TestMask_OverlappingAndAdjacentSecretsLeaveNoFragment()
    {
        var masker = new SecretMasker("abcd", "cdef");

        Assert.Equal("<***>", masker.Mask("<abcdef>"));
        Assert.Equal("<***>", masker.Mask("<abcdabcd>"));
    }

    [Fact]
    public void TestMask_Base64FormsAreMasked()
    {
        const string secret = "sec>?ret~~";
        var masker = new SecretMasker(secret);
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));
        var base64Url = base64.TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Contains('+', base64); // chosen so the standard and URL-safe alphabets differ

        Assert.Equal("Authorization: Basic ***", masker.Mask("Authorization: Basic " + base64));
        Assert.Equal("token=***", masker.Mask("token=" + base64Url));
    }

    [Fact]
    public void TestMask_UrlEncodedFormsAreMasked()
    {
        const string secret = "p@ss word/&";
        var masker = new SecretMasker(secret);

        Assert.Equal("https://u:***@host/", masker.Mask($"https://u:{Uri.EscapeDataString(secret)}@host/"));
        Assert.Equal("q=***&x=1", masker.Mask($"q={WebUtility.UrlEncode(secret)}&x=1"));
    }

    [Fact]
    public void TestMask_TrimmedAndMultiLineSecrets()
    {
        var masker = new SecretMasker("token-from-file\n", "-----BEGIN KEY-----\nMIIBOgIBAAJBAK\n}\n-----END KEY-----");

        Assert.Equal("using ***", masker.Mask("using token-from-file"));
        Assert.Equal("***", masker.Mask("MIIBOgIBAAJBAK"));
        // A line too short to be told apart from ordinary output is not masked on its own.
        Assert.Equal("}", masker.Mask("}"));
    }

    [Fact]
    public void TestRegister_IgnoresEmptyAndWhitespace()
    {
        var masker = new SecretMasker();

        masker.Register(null);
        masker.Register("");
        masker.Register("  \n ");

        Assert.False(masker.HasSecrets);
        Assert.Equal("a b", masker.Mask("a b"));
    }

    [Fact]
    public void TestRegister_ShortSecretsAreStillMasked()
    {
        var masker = new SecretMasker("ab");

        Assert.True(masker.HasSecrets);
        Assert.Equal("x***y", masker.Mask("xaby"));
    }

    [Fact]
    public void TestMask_WithoutSecretsReturnsTheSameInstanceWithoutAllocating()
    {
        var masker = new SecretMasker();
        var text = new string('x', 100);
        masker.Mask(text);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var masked = masker.Mask(text);
        for (var i = 0; i < 1000; i++)
            masker.Mask(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Same(text, masked);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void TestMask_NoMatchReturnsTheSameInstance()
    {
        var masker = new SecretMasker("hunter2");
        var text = "nothing secret here";

        Assert.Same(text, masker.Mask(text));
    }

    [Fact]
    public void TestWith_AddsSecretsWithoutChangingTheOriginal()
    {
        var original = new SecretMasker("first-secret");

        var combined = original.With(["second-secret"]);

        Assert.Equal("*** ***", combined.Mask("first-secret second-secret"));
        Assert.Equal("*** second-secret", original.Mask("first-secret second-secret"));
        Assert.Same(original, original.With(["", " "]));
    }

    [Fact]
    public void TestRegister_ConcurrentWithMasking()
    {
        var masker = new SecretMasker();
        var secrets = Enumerable.Range(0, 200).Select(i => $"secret-{i:D4}-value").ToArray();

        Parallel.For(0, secrets.Length, i =>
        {
            masker.Register(secrets[i]);
            // A secret is masked as soon as Register returns, whatever other threads are doing.
            Assert.Equal("[***]", masker.Mask($"[{secrets[i]}]"));
        });

        Assert.Equal(string.Join(' ', Enumerable.Repeat("***", secrets.Length)), masker.Mask(string.Join(' ', secrets)));
    }

    [Fact]
    public void TestGlobal_IsOneSharedInstance()
    {
        var secret = Tools.NewSecret();

        SecretMasker.Global.Register(secret);

        Assert.Same(SecretMasker.Global, SecretMasker.Global);
        Assert.True(SecretMasker.Global.HasSecrets);
        Assert.Equal("a *** b", SecretMasker.Global.Mask($"a {secret} b"));
    }
}

using System.Security.Cryptography;
using Slipway.Parameters;

namespace Slipway.Build.Tests.Parameters;

public class SecretCipherTest
{
    [Fact]
    public void TestEncrypt_RoundTrip_WithV1Prefix()
    {
        var encrypted = SecretCipher.Encrypt("s3cr3t value ✓", "password");

        Assert.StartsWith("v1:", encrypted);
        Assert.True(SecretCipher.IsEncrypted(encrypted));
        Assert.DoesNotContain("s3cr3t", encrypted);
        Assert.Equal("s3cr3t value ✓", SecretCipher.Decrypt(encrypted, "password"));
    }

    [Fact]
    public void TestEncrypt_SameValueTwice_DiffersBySaltAndNonce() =>
        Assert.NotEqual(SecretCipher.Encrypt("same", "password"), SecretCipher.Encrypt("same", "password"));

    [Fact]
    public void TestDecrypt_WrongPassword_Throws() =>
        Assert.ThrowsAny<CryptographicException>(() => SecretCipher.Decrypt(SecretCipher.Encrypt("value", "right"), "wrong"));

    [Theory]
    [InlineData("v1:not base64!")]
    [InlineData("v1:AAAA")]
    public void TestDecrypt_DamagedValue_Throws(string value) =>
        Assert.ThrowsAny<CryptographicException>(() => SecretCipher.Decrypt(value, "password"));

    [Fact]
    public void TestDecrypt_PlainValue_IsRejected() =>
        Assert.Throws<FormatException>(() => SecretCipher.Decrypt("plain", "password"));
}

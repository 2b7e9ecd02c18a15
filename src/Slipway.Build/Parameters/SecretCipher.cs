using System.Security.Cryptography;
using System.Text;

namespace Slipway.Parameters;

/// <summary>Encrypts secret parameter values for parameter files: <c>v1:</c> + base64(salt, nonce, tag, AES-256-GCM ciphertext), key from PBKDF2-SHA256 of a password.</summary>
public static class SecretCipher
{
    /// <summary>The prefix of an encrypted value.</summary>
    public const string Prefix = "v1:";

    private const int SaltSize = 16;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int Iterations = 210_000;

    /// <summary>Whether a stored value is an encrypted secret.</summary>
    public static bool IsEncrypted(string value) => value.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Encrypts <paramref name="plaintext"/> with a key derived from <paramref name="password"/> and a fresh salt.</summary>
    public static string Encrypt(string plaintext, string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var data = Encoding.UTF8.GetBytes(plaintext);
        var cipher = new byte[data.Length];
        var tag = new byte[TagSize];
        using (var aes = new AesGcm(DeriveKey(password, salt), TagSize))
            aes.Encrypt(nonce, data, cipher, tag);
        return Prefix + System.Convert.ToBase64String([.. salt, .. nonce, .. tag, .. cipher]);
    }

    /// <summary>Decrypts a <c>v1:</c> value; a wrong password or a tampered value throws <see cref="CryptographicException"/>.</summary>
    public static string Decrypt(string value, string password)
    {
        if (!IsEncrypted(value))
            throw new FormatException($"An encrypted secret starts with '{Prefix}'.");
        byte[] bytes;
        try
        {
            bytes = System.Convert.FromBase64String(value[Prefix.Length..]);
        }
        catch (FormatException)
        {
            throw new CryptographicException("The encrypted value is not valid base64; set it again with ':secrets set'.");
        }

        if (bytes.Length < SaltSize + NonceSize + TagSize)
            throw new CryptographicException("The encrypted value is truncated; set it again with ':secrets set'.");
        var salt = bytes.AsSpan(0, SaltSize);
        var nonce = bytes.AsSpan(SaltSize, NonceSize);
        var tag = bytes.AsSpan(SaltSize + NonceSize, TagSize);
        var cipher = bytes.AsSpan(SaltSize + NonceSize + TagSize);
        var plain = new byte[cipher.Length];
        using (var aes = new AesGcm(DeriveKey(password, salt.ToArray()), TagSize))
            aes.Decrypt(nonce, cipher, tag, plain);
        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] DeriveKey(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
}

using System.Security.Cryptography;
using System.Text;

namespace CorpusBot.WebConsole.SignIn;

/// <summary>
/// 256-bit random tokens (sign-in links, session ids), as URL-safe text. Only their SHA-256 is stored:
/// a copy of the database signs nobody in. A plain hash is enough for 256 random bits (nothing to guess).
/// </summary>
internal static class SecretTokens
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>43 characters of the URL-safe base64 alphabet: anything else is not one of ours, and is not looked up.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

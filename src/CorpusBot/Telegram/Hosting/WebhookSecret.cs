using System.Security.Cryptography;
using System.Text;

namespace CorpusBot.Telegram.Hosting;

/// <summary>
/// Compares the X-Telegram-Bot-Api-Secret-Token header in constant time. Both sides are hashed
/// first, so neither the content nor the length of the secret leaks through timing.
/// </summary>
internal static class WebhookSecret
{
    public const string HeaderName = "X-Telegram-Bot-Api-Secret-Token";

    public static bool Matches(string? presented, string expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (presented is null || expected.Length == 0)
        {
            return false;
        }

        var a = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}

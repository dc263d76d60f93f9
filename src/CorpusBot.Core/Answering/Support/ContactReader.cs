using System.Text.RegularExpressions;

namespace CorpusBot.Core.Answering.Support;

/// <summary>
/// Where a text sends its reader: links (with or without a scheme: "evil.example", "t.me/x"), e-mail
/// addresses, phone numbers and @handles. A model must never add one of these of its own.
/// </summary>
public static partial class ContactReader
{
    public static IReadOnlyList<string> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ContactRegex().Matches(text)
            .Select(m => m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '"', '\'', '”', '»'))
            .Where(v => v.Length > 0)
            .ToList();
    }

    // Order matters: an e-mail before the domain inside it, a scheme URL before a bare domain.
    [GeneratedRegex("""
        (?:https?|ftp)://\S+
        |[\w.+-]+@[\w-]+(?:\.[\w-]+)+
        |(?<![\w@.\-/])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}\b(?:/\S*)?
        |\+\d[\d\s().\-]{6,}\d
        |(?<!\d)\(?\d{3}\)?[\s.\-]\d{3}[\s.\-]\d{4}(?!\d)
        |(?<![\w@])@[a-z][\w]{3,}
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex ContactRegex();
}

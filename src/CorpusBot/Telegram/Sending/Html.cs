using System.Net;
using System.Text.RegularExpressions;

namespace CorpusBot.Telegram.Sending;

/// <summary>Escaping for Telegram's HTML parse mode, and the plain-text fallback.</summary>
internal static partial class Html
{
    /// <summary>Escapes the three characters Telegram's HTML parser needs escaped.</summary>
    public static string Escape(string? text) =>
        (text ?? string.Empty).Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>
    /// Escapes <paramref name="text"/>, cut so that the escaped form (an ellipsis included when cut)
    /// is at most <paramref name="limit"/> characters. The cut is measured on the escaped text, so
    /// "&amp;" counts five, and falls between characters: never inside an entity or a surrogate pair.
    /// </summary>
    public static string EscapeWithin(string? text, int limit)
    {
        text ??= string.Empty;
        var escaped = Escape(text);
        if (escaped.Length <= limit)
        {
            return escaped;
        }

        var builder = new System.Text.StringBuilder(limit);
        var room = limit - 1; // for the ellipsis
        foreach (var rune in text.EnumerateRunes())
        {
            var piece = rune.Value switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => rune.ToString(),
            };
            if (builder.Length + piece.Length > room)
            {
                break;
            }

            builder.Append(piece);
        }

        return builder.Append('…').ToString();
    }

    /// <summary>An attribute value: also escapes quotes.</summary>
    public static string EscapeAttribute(string text) => Escape(text).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>A link when the URL is http(s); otherwise just the escaped text.</summary>
    public static string Link(string text, string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? $"<a href=\"{EscapeAttribute(uri.AbsoluteUri)}\">{Escape(text)}</a>"
            : Escape(text);

    /// <summary>What the user would have read, without markup: for resending when Telegram rejects the entities.</summary>
    public static string ToPlainText(string html) => WebUtility.HtmlDecode(Tag().Replace(html, string.Empty));

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}

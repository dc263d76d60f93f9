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

using System.Net;
using System.Text.RegularExpressions;

namespace CorpusBot.Telegram.Uploads;

/// <summary>
/// A small HTML-to-text reduction for /add files and URLs until the readers branch's reader lands:
/// drops script, style, template, head, comments, elements marked hidden and zero-width characters,
/// so hidden text never reaches the index; block elements become line breaks.
/// </summary>
internal static partial class HtmlToText
{
    public static (string? Title, string Text) Convert(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var titleMatch = TitleElement().Match(html);
        var title = titleMatch.Success ? Clean(WebUtility.HtmlDecode(titleMatch.Groups[1].Value)) : null;
        var text = Comments().Replace(html, " ");
        text = Invisible().Replace(text, " ");
        text = Hidden().Replace(text, " ");
        text = BlockTags().Replace(text, "\n");
        text = Tags().Replace(text, " ");
        text = WebUtility.HtmlDecode(text);
        var lines = text.Split('\n').Select(Clean).Where(l => l.Length > 0);
        return (string.IsNullOrEmpty(title) ? null : title, string.Join("\n\n", lines));
    }

    private static string Clean(string text) => Spaces().Replace(ZeroWidth().Replace(text, string.Empty), " ").Trim();

    [GeneratedRegex(@"<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TitleElement();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Comments();

    [GeneratedRegex(@"<(script|style|template|head|noscript|svg)\b.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"<(\w+)\b[^>]*(\shidden\b|display\s*:\s*none|visibility\s*:\s*hidden|aria-hidden\s*=\s*""true"")[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"</?(p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|blockquote|pre|header|footer)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockTags();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex(@"[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]", RegexOptions.CultureInvariant)]
    private static partial Regex ZeroWidth();

    [GeneratedRegex(@"[ \t\r\f\v\u00A0]+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}

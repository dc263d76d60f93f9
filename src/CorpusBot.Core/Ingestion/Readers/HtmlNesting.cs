namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>
/// A cheap upper estimate of how deep a page nests its elements, taken before parsing: the HTML parser
/// does work proportional to the depth for every tag, so a few megabytes of "&lt;div&gt;" would take
/// hours. Browsers cap the depth too (Chromium at 512). Void elements, elements whose end tag is
/// optional, and the contents of script, style, textarea and title are not counted.
/// </summary>
internal static class HtmlNesting
{
    public const int MaxDepth = 512;

    private const int MaxTagLength = 4096;

    private static readonly HashSet<string> NotCounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "rt", "rp",
        "html", "head", "body",
    };

    private static readonly string[] RawText = ["script", "style", "textarea", "title"];

    public static int EstimateDepth(string html) => Estimate(html).Depth;

    /// <summary>
    /// The estimate, and how many characters it looked at beyond the plain walk from '&lt;' to '&lt;' (tag names
    /// and the look-ahead for "/&gt;"): at most a few per character of the page, so the work stays linear in its
    /// length. Tests check that count rather than a time, which a loaded machine would make meaningless.
    /// </summary>
    internal static (int Depth, long Examined) Estimate(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        int depth = 0, max = 0;
        long examined = 0;
        for (var i = html.IndexOf('<', StringComparison.Ordinal); i >= 0 && i + 1 < html.Length; i = html.IndexOf('<', i + 1))
        {
            if (html[i + 1] == '/')
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            var end = i + 1;
            while (end < html.Length && char.IsAsciiLetterOrDigit(html[end]))
            {
                end++;
            }

            examined += end - i;
            var name = html[(i + 1)..end];
            if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
            {
                continue;
            }

            if (RawText.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                var close = html.IndexOf("</" + name, end, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
                continue;
            }

            if (!IsSelfClosing(html, end, ref examined) && !NotCounted.Contains(name))
            {
                max = Math.Max(max, ++depth);
            }
        }

        return (max, examined);
    }

    /// <summary>"&lt;path /&gt;": looks a bounded distance ahead, so a page of unterminated tags stays linear.</summary>
    private static bool IsSelfClosing(string html, int from, ref long examined)
    {
        var ahead = html.AsSpan(from, Math.Min(MaxTagLength, html.Length - from));
        var stop = ahead.IndexOfAny('<', '>');
        examined += stop < 0 ? ahead.Length : stop + 1;
        return stop > 0 && ahead[stop] == '>' && ahead[stop - 1] == '/';
    }
}

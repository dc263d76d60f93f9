using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CorpusBot.WebConsole.Documents;

/// <summary>
/// Writes document segments as HTML. Text is encoded character for character (nothing added, nothing
/// dropped, every script kept as itself), so the highlighted element's text is exactly the quote.
/// Passage markers are empty elements (their label is drawn by CSS) and add no text.
/// </summary>
internal static class DocumentHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(IReadOnlyList<DocumentSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var html = new StringBuilder();
        foreach (var segment in segments)
        {
            switch (segment)
            {
                case TextSegment t:
                    html.Append(Encoder.Encode(t.Text));
                    break;
                case PassageStart p:
                    html.Append(CultureInfo.InvariantCulture,
                        $"<span class=\"passage-start\" id=\"passage-{p.Ordinal}\" data-passage=\"{p.Ordinal}\" data-offset=\"{p.Offset}\" title=\"Passage {p.Ordinal} starts at character {p.Offset}\"></span>");
                    break;
                case MarkStart:
                    html.Append("<mark id=\"quote\">");
                    break;
                case MarkEnd:
                    html.Append("</mark>");
                    break;
            }
        }

        return html.ToString();
    }
}

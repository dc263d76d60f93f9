namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>.html and .htm: the visible text and title, see <see cref="HtmlTextExtractor"/>.</summary>
internal static class HtmlFormat
{
    public static ReadItem Read(string origin, string displayName, string id, string html)
    {
        var depth = HtmlNesting.EstimateDepth(html);
        if (depth > HtmlNesting.MaxDepth)
        {
            return ReadItem.Rejected(origin, $"{displayName} nests elements about {depth} levels deep, more than the {HtmlNesting.MaxDepth} a real page needs", id);
        }

        var (title, text, metadata) = HtmlTextExtractor.Extract(html);
        return DocumentBuilder.Build(origin, displayName, id, title, text, metadata);
    }
}

namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>.txt and .md: the text as is; the title is the first non-empty line (without "#" marks for Markdown).</summary>
internal static class PlainTextFormat
{
    public static ReadItem Read(string origin, string displayName, string id, string text, bool markdown)
    {
        var firstLine = DocumentBuilder.FirstLine(TextCleaner.Clean(text));
        var title = markdown ? firstLine.TrimStart('#').Trim() : firstLine;
        return DocumentBuilder.Build(origin, displayName, id, title, text);
    }
}

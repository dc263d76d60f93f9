using CorpusBot.Core.Ingestion.Readers.Docx;
using CorpusBot.Core.Ingestion.Readers.Pdf;

namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>Bytes of one file or upload to documents or rejections: binary formats read as such, text decoded then read.</summary>
internal static class ContentReader
{
    public static (IReadOnlyList<ReadItem> Items, string Encoding) Read(
        string origin, string displayName, string id, DocumentFormat format, byte[] bytes, IngestionOptions options)
    {
        switch (format)
        {
            case DocumentFormat.Pdf:
                return ([PdfFormat.Read(origin, displayName, id, bytes, options.MaxPdfPages)], "PDF text layer");
            case DocumentFormat.Docx:
                return ([DocxFormat.Read(origin, displayName, id, bytes)], "DOCX");
        }

        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Text is not { } text)
        {
            return ([ReadItem.Rejected(origin, $"{displayName} {decoded.Problem}", id)], decoded.Encoding);
        }

        IReadOnlyList<ReadItem> items = format switch
        {
            DocumentFormat.Html => [HtmlFormat.Read(origin, displayName, id, text)],
            DocumentFormat.Jsonl => [.. JsonlFormat.Read(origin, displayName, text)],
            DocumentFormat.Markdown => [PlainTextFormat.Read(origin, displayName, id, text, markdown: true)],
            _ => [PlainTextFormat.Read(origin, displayName, id, text, markdown: false)],
        };
        if (format == DocumentFormat.Jsonl && items.Count == 0)
        {
            items = [ReadItem.Rejected(origin, $"{displayName} contains no JSON lines", id)];
        }

        return (items, decoded.Encoding);
    }
}

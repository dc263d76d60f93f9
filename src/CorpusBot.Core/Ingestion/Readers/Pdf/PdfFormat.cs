using System.Globalization;
using CorpusBot.Core.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace CorpusBot.Core.Ingestion.Readers.Pdf;

/// <summary>
/// .pdf through PdfPig: each page's text layer in reading order (<see cref="PdfPageText"/>), pages
/// separated by a blank line, the offset where each page starts kept so a citation can name its page;
/// title, author and date from the document information dictionary. No OCR: a PDF without a text layer
/// is rejected with that reason, as are encrypted, malformed and over-long files.
/// </summary>
internal static class PdfFormat
{
    public static ReadItem Read(string origin, string displayName, string id, byte[] bytes, int maxPages)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (pdf.NumberOfPages > maxPages)
            {
                return ReadItem.Rejected(origin, string.Create(
                    CultureInfo.InvariantCulture,
                    $"{displayName} has {pdf.NumberOfPages:N0} pages, over the limit of {maxPages:N0} (Corpus:MaxPdfPages)"), id);
            }

            var (text, pageStarts) = ReadPages(pdf);
            if (string.IsNullOrWhiteSpace(text))
            {
                return ReadItem.Rejected(
                    origin,
                    $"{displayName} has no text layer (it looks like a scan of {Pages(pdf.NumberOfPages)}); CorpusBot does not do OCR: export it with its text, or as .txt",
                    id);
            }

            var info = pdf.Information;
            var metadata = new DocumentMetadata(
                info.Title, Source: null, Url: null, Published: PdfDates.ToIsoDate(info.CreationDate), Author: info.Author);
            return DocumentBuilder.Build(origin, displayName, id, metadata.Title, text, metadata, pageStarts);
        }
        catch (PdfDocumentEncryptedException)
        {
            return ReadItem.Rejected(origin, $"{displayName} is encrypted (password-protected); remove the password and add it again", id);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            // PdfPig throws a range of exception types on broken input; any of them means the same to a maintainer.
            return ReadItem.Rejected(origin, $"{displayName} is not a readable PDF ({FirstSentence(ex.Message)})", id);
        }
    }

    private static (string Text, IReadOnlyList<int> PageStarts) ReadPages(PdfDocument pdf)
    {
        var text = new System.Text.StringBuilder();
        var starts = new List<int>(pdf.NumberOfPages);
        foreach (var page in pdf.GetPages())
        {
            var pageText = TextCleaner.Clean(PdfPageText.Extract(page)).Trim();
            if (pageText.Length > 0 && text.Length > 0)
            {
                text.Append("\n\n");
            }

            starts.Add(text.Length);
            text.Append(pageText);
        }

        return (text.ToString(), starts);
    }

    private static string Pages(int count) => count == 1 ? "1 page" : $"{count} pages";

    private static string FirstSentence(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length == 0 ? "the file is damaged" : line.Length > 160 ? line[..160] + "…" : line;
    }
}

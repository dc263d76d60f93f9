using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace CorpusBot.Core.Ingestion.Readers.Docx;

/// <summary>
/// .docx through the Open XML SDK: the body's paragraphs and headings in order, tables row by row
/// (cells separated by " | "), text boxes and content controls included. Tracked deletions, moved-away
/// text, comments, footnotes and field codes are left out: what is read is what the document says now.
/// Title, author, publisher (company) and date from the core and extended properties.
/// </summary>
internal static class DocxFormat
{
    /// <summary>A part with more characters than this is refused while parsing (a zip bomb stops here).</summary>
    private const long MaxCharactersInPart = 50_000_000;

    private static readonly byte[] OleCompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static ReadItem Read(string origin, string displayName, string id, byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(OleCompoundFile))
        {
            return ReadItem.Rejected(
                origin, $"{displayName} is not a .docx package: it is encrypted (password-protected) or an old binary .doc; save it as an unprotected .docx", id);
        }

        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var word = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            if (word.MainDocumentPart?.Document?.Body is not { } body)
            {
                return ReadItem.Rejected(origin, $"{displayName} is not a Word document (it has no document body)", id);
            }

            var text = new StringBuilder();
            AppendBlocks(body, text);
            var core = word.PackageProperties;
            var company = word.ExtendedFilePropertiesPart?.Properties?.Company?.Text;
            var published = core.Created ?? core.Modified;
            var metadata = new DocumentMetadata(
                core.Title,
                Source: company,
                Url: null,
                Published: published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Author: core.Creator);
            return DocumentBuilder.Build(origin, displayName, id, metadata.Title ?? FirstHeading(body), text.ToString(), metadata);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            // A broken zip, a missing part or bad XML: the SDK and System.IO.Packaging throw several types.
            return ReadItem.Rejected(origin, $"{displayName} is not a readable Word document ({ex.Message.Split('\n')[0].Trim()})", id);
        }
    }

    /// <summary>Paragraphs and tables in document order; anything else (content controls, custom XML) is searched inside.</summary>
    private static void AppendBlocks(OpenXmlElement container, StringBuilder text)
    {
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    AppendParagraph(ParagraphText(paragraph), text);
                    break;
                case Table table:
                    foreach (var row in table.Elements<TableRow>())
                    {
                        var cells = row.Elements<TableCell>()
                            .Select(cell => string.Join(' ', cell.Descendants<Paragraph>().Select(ParagraphText).Where(t => t.Length > 0)))
                            .ToList();
                        if (cells.Any(c => c.Length > 0))
                        {
                            AppendParagraph(string.Join(" | ", cells), text);
                        }
                    }

                    break;
                case SectionProperties:
                    break;
                default:
                    AppendBlocks(element, text);
                    break;
            }
        }
    }

    private static void AppendParagraph(string paragraph, StringBuilder text)
    {
        if (paragraph.Length == 0)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append("\n\n");
        }

        text.Append(paragraph);
    }

    /// <summary>The visible text of one paragraph: w:t runs (not deleted or moved away), tabs and breaks as spaces and newlines.</summary>
    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            if (IsRemoved(element, paragraph))
            {
                continue;
            }

            switch (element)
            {
                case WordText t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append('\t');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
            }
        }

        return text.ToString().Trim();
    }

    /// <summary>Inside a tracked deletion, a move-away, or the fallback copy of a text box (its first copy is read).</summary>
    private static bool IsRemoved(OpenXmlElement element, Paragraph paragraph)
    {
        for (var parent = element.Parent; parent is not null && !ReferenceEquals(parent, paragraph); parent = parent.Parent)
        {
            if (parent is DeletedRun or MoveFromRun or AlternateContentFallback)
            {
                return true;
            }
        }

        return false;
    }

    private static string? FirstHeading(Body body) =>
        body.Descendants<Paragraph>()
            .FirstOrDefault(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is { } style
                && (style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) || style.Equals("Title", StringComparison.OrdinalIgnoreCase)))
            is { } heading ? ParagraphText(heading) : null;
}

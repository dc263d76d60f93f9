using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace CorpusBot.Core.Tests.Fixtures;

/// <summary>Hand-made Word files for the reader tests, written with the Open XML SDK.</summary>
internal static class DocxFixtures
{
    /// <summary>
    /// A report with a heading, body paragraphs, a table, a tracked deletion ("DELETED-WORDS"), a tracked
    /// insertion, and a comment ("COMMENT-TEXT") anchored to a paragraph; core and extended properties set.
    /// </summary>
    public static byte[] Report(string? title = "Zelva Hospital Report", string? author = "Anna Petrova", string? company = "Grodno Daily")
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.Document = new Document(new Body(
                Styled("Heading1", "Wounded soldiers at Zelva"),
                Plain("The Zelva hospital treated forty wounded soldiers in January."),
                new Paragraph(
                    Run("The chief surgeon "),
                    new DeletedRun(new Run(new DeletedText("DELETED-WORDS ") { Space = SpaceProcessingModeValues.Preserve })) { Id = "1", Author = "Editor" },
                    new InsertedRun(Run("Ivan Sokol ")) { Id = "2", Author = "Editor" },
                    Run("signed the discharge papers.")),
                new Paragraph(new CommentRangeStart { Id = "0" }, Run("Nurses worked double shifts."), new CommentRangeEnd { Id = "0" }, new Run(new CommentReference { Id = "0" })),
                new Table(
                    new TableRow(Cell("Ward"), Cell("Beds")),
                    new TableRow(Cell("Surgery"), Cell("24"))),
                Plain("The hospital expects more patients in spring.")));
            var comments = main.AddNewPart<WordprocessingCommentsPart>();
            comments.Comments = new Comments(new Comment(Plain("COMMENT-TEXT should never be read.")) { Id = "0", Author = "Reviewer" });
            word.PackageProperties.Title = title;
            word.PackageProperties.Creator = author;
            word.PackageProperties.Created = new DateTime(2026, 1, 22, 9, 30, 0, DateTimeKind.Utc);
            if (company is not null)
            {
                var extended = word.AddExtendedFilePropertiesPart();
                extended.Properties = new DocumentFormat.OpenXml.ExtendedProperties.Properties(
                    new DocumentFormat.OpenXml.ExtendedProperties.Company(company));
            }
        }

        return stream.ToArray();
    }

    private static Paragraph Plain(string text) => new(Run(text));

    private static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), Run(text));

    private static Run Run(string text) => new(new WordText(text) { Space = SpaceProcessingModeValues.Preserve });

    private static TableCell Cell(string text) => new(Plain(text));
}

using CorpusBot.Core.Documents;
using CorpusBot.Core.Ingestion.Readers;
using CorpusBot.Core.Tests.Fixtures;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using static CorpusBot.Core.Tests.Fixtures.PdfFixtures;

namespace CorpusBot.Core.Tests.Ingestion;

public sealed class PdfFormatTests
{
    private static readonly byte[] Report = Build(
        [
            Column(
                50,
                "Port Kelvo opened its new harbour in 1998 after",
                "years of delay. The harbour master ordered the treat-",
                "ment of every wounded sailor brought ashore."),
            [
                .. Column(50, "The left column tells how the", "ferry service began in spring."),
                .. Column(320, "The right column reports that", "the pier was rebuilt in 2024."),
            ],
        ],
        title: "Port Kelvo Harbour Report",
        author: "Mira Tal",
        created: "D:20260122093000+01'00'");

    [Fact]
    public void Read_WrappedAndHyphenatedLines_JoinedIntoWholeSentences()
    {
        var text = Readers.Text(Read("report.pdf", Report));

        Assert.Contains("Port Kelvo opened its new harbour in 1998 after years of delay.", text, StringComparison.Ordinal);
        Assert.Contains("The harbour master ordered the treatment of every wounded sailor brought ashore.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("treat-", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TwoColumns_LeftColumnReadWholeBeforeRight()
    {
        var text = Readers.Text(Read("report.pdf", Report));

        var left = text.IndexOf("The left column tells how the ferry service began in spring.", StringComparison.Ordinal);
        var right = text.IndexOf("The right column reports that the pier was rebuilt in 2024.", StringComparison.Ordinal);
        Assert.True(left >= 0 && right > left, text);
    }

    [Fact]
    public void Read_PageStarts_MapEachQuoteToItsPage()
    {
        var document = Read("report.pdf", Report).Document!;
        var stored = new StoredDocument(document.Id, document.Title, null, null, null, "h", document.Text, "t", DateTimeOffset.UnixEpoch, 0, PageStarts: document.PageStarts);

        Assert.Equal(2, document.PageStarts!.Count);
        Assert.Equal(1, stored.PageAt(document.Text.IndexOf("harbour master", StringComparison.Ordinal)));
        Assert.Equal(2, stored.PageAt(document.Text.IndexOf("pier was rebuilt", StringComparison.Ordinal)));
        Assert.Equal("ferry", document.Text.Substring(document.Text.IndexOf("ferry", StringComparison.Ordinal), 5));
    }

    [Fact]
    public void Read_DocumentInformation_GivesTitleAuthorAndDate()
    {
        var document = Read("report.pdf", Report).Document!;

        Assert.Equal("Port Kelvo Harbour Report", document.Title);
        Assert.Equal("Mira Tal", document.Author);
        Assert.Equal("2026-01-22", document.Published);
        Assert.Equal("report", document.Id);
    }

    [Fact]
    public void Read_ScannedPdfWithoutTextLayer_RejectedSayingSoAndNamingTheFile()
    {
        var reason = Readers.Reason(Read("scan.pdf", ScannedOnly(pages: 3)));

        Assert.Contains("scan.pdf", reason, StringComparison.Ordinal);
        Assert.Contains("no text layer", reason, StringComparison.Ordinal);
        Assert.Contains("3 pages", reason, StringComparison.Ordinal);
        Assert.Contains("OCR", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EncryptedPdf_RejectedAsEncryptedNamingTheFile()
    {
        var reason = Readers.Reason(Read("secret.pdf", Encrypted()));

        Assert.Contains("secret.pdf", reason, StringComparison.Ordinal);
        Assert.Contains("encrypted", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%PDF-1.7\nthis is not really a PDF at all\n")]
    [InlineData("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")]
    public void Read_MalformedPdf_RejectedNamingTheFile(string content)
    {
        var reason = Readers.Reason(Read("broken.pdf", System.Text.Encoding.ASCII.GetBytes(content)));

        Assert.StartsWith("broken.pdf is not a readable PDF", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MorePagesThanTheCap_RejectedNamingTheSetting()
    {
        var pdf = Build([.. Enumerable.Range(1, 4).Select(i => (IReadOnlyList<Line>)Column(50, $"Page {i} says something."))]);

        var reason = Readers.Reason(Read("long.pdf", pdf, maxPages: 3));

        Assert.Contains("long.pdf has 4 pages, over the limit of 3 (Corpus:MaxPdfPages)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_PdfFileOnDisk_ReadLikeAnUpload()
    {
        using var folder = new TempDirectory();
        var path = folder.Write("reports/kelvo.pdf", Report);

        var item = await Readers.ReadOneAsync(path);

        Assert.Equal("kelvo", item.Document!.Id);
        Assert.Equal("PDF text layer", item.Encoding);
    }

    [Fact]
    public void JoinLines_HyphenBeforeCapitalOrAtLineEndWithoutLetter_KeptAsWritten()
    {
        Assert.Equal("the Anglo-Saxon pier", Readers.JoinLinesForTest("the Anglo-", "Saxon pier"));
        Assert.Equal("prices rose - sharply", Readers.JoinLinesForTest("prices rose -", "sharply"));
        Assert.Equal("treatment", Readers.JoinLinesForTest("treat-", "ment"));
    }

    private static ReadItem Read(string name, byte[] bytes, int maxPages = 2000) =>
        Assert.Single(new DocumentSourceReader(
            Options.Create(new IngestionOptions { MaxPdfPages = maxPages }), new FakeLogger<DocumentSourceReader>()).ReadUpload(name, bytes));
}

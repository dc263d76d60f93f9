using CorpusBot.Core.Ingestion.Readers;
using CorpusBot.Core.Tests.Fixtures;

namespace CorpusBot.Core.Tests.Ingestion;

public sealed class DocxFormatTests
{
    [Fact]
    public void Read_Report_ParagraphsHeadingsAndTableRowsInOrder()
    {
        var text = Readers.Text(Read("zelva.docx", DocxFixtures.Report()));

        var expected = new[]
        {
            "Wounded soldiers at Zelva",
            "The Zelva hospital treated forty wounded soldiers in January.",
            "The chief surgeon Ivan Sokol signed the discharge papers.",
            "Nurses worked double shifts.",
            "Ward | Beds",
            "Surgery | 24",
            "The hospital expects more patients in spring.",
        };
        Assert.Equal(string.Join("\n\n", expected), text);
    }

    [Fact]
    public void Read_TrackedDeletionsAndComments_LeftOut()
    {
        var text = Readers.Text(Read("zelva.docx", DocxFixtures.Report()));

        Assert.DoesNotContain("DELETED-WORDS", text, StringComparison.Ordinal);
        Assert.DoesNotContain("COMMENT-TEXT", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CoreProperties_GiveTitleAuthorPublisherAndDate()
    {
        var document = Read("zelva.docx", DocxFixtures.Report()).Document!;

        Assert.Equal("Zelva Hospital Report", document.Title);
        Assert.Equal("Anna Petrova", document.Author);
        Assert.Equal("Grodno Daily", document.Source);
        Assert.Equal("2026-01-22", document.Published);
        Assert.Null(document.PageStarts);
    }

    [Fact]
    public void Read_NoTitleProperty_FirstHeadingIsTheTitle()
    {
        var document = Read("zelva.docx", DocxFixtures.Report(title: null, company: null)).Document!;

        Assert.Equal("Wounded soldiers at Zelva", document.Title);
        Assert.Null(document.Source);
    }

    [Fact]
    public void Read_BrokenZipNamedDocx_RejectedNamingTheFile()
    {
        var bytes = DocxFixtures.Report();
        var truncated = bytes[..(bytes.Length / 2)];

        var reason = Readers.Reason(Read("broken.docx", truncated));

        Assert.StartsWith("broken.docx is not a readable Word document", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextFileNamedDocx_RejectedNamingTheFile()
    {
        var reason = Readers.Reason(Read("notes.docx", "just some text"u8.ToArray()));

        Assert.StartsWith("notes.docx is not a readable Word document", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EncryptedOrLegacyDoc_RejectedSayingWhy()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        var reason = Readers.Reason(Read("locked.docx", ole));

        Assert.Contains("locked.docx", reason, StringComparison.Ordinal);
        Assert.Contains("encrypted", reason, StringComparison.Ordinal);
    }

    private static ReadItem Read(string name, byte[] bytes) => Assert.Single(Readers.Create().ReadUpload(name, bytes));
}

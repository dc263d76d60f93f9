using CorpusBot.Core.Storage;
using CorpusBot.Core.Tests.Fixtures;
using CorpusBot.Tests.Telegram.Fakes;
using static CorpusBot.Core.Tests.Fixtures.PdfFixtures;
using static CorpusBot.Tests.Telegram.Fakes.TelegramUpdates;

namespace CorpusBot.Tests.Telegram;

/// <summary>/add with PDF and Word files, as a caption and by URL: stored whole with their metadata, or refused naming the file.</summary>
public sealed class AddDocumentFilesTests
{
    internal static readonly byte[] Pdf = Build(
        [
            Column(50, "Port Kelvo opened its new harbour in 1998 after", "years of delay."),
            Column(50, "The harbour master of Port Kelvo is Ilse Varga."),
        ],
        title: "Port Kelvo Harbour Report",
        author: "Mira Tal",
        created: "D:20260122093000Z");

    [Fact]
    public async Task AddPdfAsCaption_StoredWithPagesAndMetadata()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Api.Files["pdf1"] = ("documents/file_1.pdf", Pdf, null);

        var reply = await bot.SendAsync(Document(Maintainer, "/add", "pdf1", "kelvo report.pdf", Pdf.Length), Maintainer);

        Assert.Contains("Added: kelvo report", reply.Text);
        Assert.Contains("Title: Port Kelvo Harbour Report", reply.Text);
        var stored = await bot.Get<DocumentStore>().GetAsync("kelvo report", CancellationToken.None);
        Assert.Equal("Port Kelvo opened its new harbour in 1998 after years of delay.\n\nThe harbour master of Port Kelvo is Ilse Varga.", stored!.Text);
        Assert.Equal("Mira Tal", stored.Author);
        Assert.Equal("2026-01-22", stored.Published);
        Assert.Equal(2, stored.PageAt(stored.Text.IndexOf("Ilse Varga", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AddDocxByUrl_ServerSaysWord_StoredWithItsUrl()
    {
        await using var bot = await BotHarness.StartAsync(s => s["Fetch:AllowPrivateAddresses"] = "true");
        bot.Api.BinaryPages["/files/zelva.docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", DocxFixtures.Report());

        var reply = await bot.SendAsync(Text(Maintainer, $"/add {bot.Api.BaseUrl}/files/zelva.docx"), Maintainer);

        Assert.Contains("Title: Zelva Hospital Report", reply.Text);
        Assert.Equal($"{bot.Api.BaseUrl}/files/zelva.docx", await bot.StringAsync("SELECT url FROM documents"));
        Assert.Contains("Ivan Sokol signed the discharge papers.", await bot.StringAsync("SELECT text FROM documents"), StringComparison.Ordinal);
        Assert.Equal("Anna Petrova", await bot.StringAsync("SELECT author FROM documents"));
    }

    [Fact]
    public async Task AddPdfByUrl_OctetStreamWithPdfPath_ReadAsPdf()
    {
        await using var bot = await BotHarness.StartAsync(s => s["Fetch:AllowPrivateAddresses"] = "true");
        bot.Api.BinaryPages["/reports/kelvo.pdf"] = ("application/octet-stream", Pdf);

        var reply = await bot.SendAsync(Text(Maintainer, $"/add {bot.Api.BaseUrl}/reports/kelvo.pdf"), Maintainer);

        Assert.Contains("Title: Port Kelvo Harbour Report", reply.Text);
        Assert.Equal("[0,65]", await bot.StringAsync("SELECT page_starts FROM documents"));
    }

    [Theory]
    [InlineData("broken.docx", "broken.docx is not a readable Word document")]
    [InlineData("scan.pdf", "scan.pdf has no text layer")]
    public async Task AddUnreadableFile_RefusedNamingTheFile_NothingStored(string fileName, string expected)
    {
        await using var bot = await BotHarness.StartAsync();
        var content = fileName.EndsWith(".pdf", StringComparison.Ordinal) ? ScannedOnly() : DocxFixtures.Report()[..300];
        bot.Api.Files["bad"] = ("documents/bad", content, null);

        var reply = await bot.SendAsync(Document(Maintainer, "/add", "bad", fileName, content.Length), Maintainer);

        Assert.Contains(expected, reply.Text);
        Assert.Equal(0, await bot.ScalarAsync("SELECT count(*) FROM documents"));
        Assert.Equal(0, await bot.ScalarAsync("SELECT count(*) FROM chunks"));
    }
}

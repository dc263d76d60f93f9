using CorpusBot.Core.Tests.Fixtures;
using CorpusBot.Tests.Feeds;
using CorpusBot.Tests.Telegram.Fakes;
using static CorpusBot.Tests.Telegram.Fakes.TelegramUpdates;

namespace CorpusBot.Tests.Telegram;

/// <summary>
/// Issue 10's "done when", as people would do it: a maintainer adds a PDF and a Word file and follows a
/// feed; someone asks about each with the bot's own (offline) answerer, follows up, and sees the
/// source's title, publisher, date and page in the citation.
/// </summary>
public sealed class DocumentsAndFeedsEndToEndTests
{
    private static readonly byte[] Pdf = AddDocumentFilesTests.Pdf; // a text PDF of two pages, dated 2026-01-22

    [Fact]
    public async Task AddPdfAndWord_FollowFeed_AskAndFollowUp_CitationsShowTitleDateAndPage()
    {
        await using var server = await FeedServer.StartAsync();
        server.ServePage("/ferry.html", "Lida ferry timetable", "The ferry to Lida runs twice a day from the north quay.");
        server.Serve("/feed.xml", "application/rss+xml", FeedServer.Rss("Kelvo News", server.BaseUrl, ("/ferry.html", "Ferry", "Wed, 21 Jan 2026 08:00:00 GMT")));
        await using var bot = await BotHarness.StartAsync(s => s["Fetch:AllowPrivateAddresses"] = "true", realAnswerer: true);
        bot.Api.Files["pdf1"] = ("documents/file_1.pdf", Pdf, null);
        bot.Api.Files["docx1"] = ("documents/file_2.docx", DocxFixtures.Report(), null);

        var pdfAdded = await bot.SendAsync(Document(Maintainer, "/add", "pdf1", "kelvo report.pdf", Pdf.Length), Maintainer);
        var docxAdded = await bot.SendAsync(Document(Maintainer, "/add", "docx1", "zelva.docx", null), Maintainer);
        var followed = await bot.SendAsync(Text(Maintainer, $"/follow {server.BaseUrl}/feed.xml"), Maintainer);
        var harbour = await bot.AskAsync(Stranger, "Who is the harbour master of Port Kelvo?");
        var opened = await bot.AskAsync(Stranger, "When did it open?");
        var ferry = await bot.AskAsync(Stranger, "How often does the ferry to Lida run?");
        var papers = await bot.AskAsync(Stranger, "Who signed the discharge papers?");

        Assert.Contains("Title: Port Kelvo Harbour Report", pdfAdded.Text, StringComparison.Ordinal);
        Assert.Contains("Title: Zelva Hospital Report", docxAdded.Text, StringComparison.Ordinal);
        Assert.StartsWith("Following #1 Kelvo News: 1 new document(s).", followed.Text, StringComparison.Ordinal);
        Assert.Contains("Ilse Varga", harbour.Text, StringComparison.Ordinal);
        Assert.Contains("[1] Port Kelvo Harbour Report, 2026-01-22, p. 2", harbour.Text, StringComparison.Ordinal);
        Assert.StartsWith("<i>Answering: When did Port Kelvo open?</i>", opened.Text, StringComparison.Ordinal);
        Assert.Contains("1998", opened.Text, StringComparison.Ordinal);
        Assert.Contains("p. 1", opened.Text, StringComparison.Ordinal);
        Assert.Contains("twice a day", ferry.Text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{server.BaseUrl}/ferry.html\">Lida ferry timetable</a>, Kelvo News, 2026-01-21", ferry.Text, StringComparison.Ordinal);
        Assert.Contains("Ivan Sokol", papers.Text, StringComparison.Ordinal);
        Assert.Contains("Zelva Hospital Report, Grodno Daily, 2026-01-22", papers.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddTypedText_CitedWithoutAPublisher()
    {
        await using var bot = await BotHarness.StartAsync(realAnswerer: true);

        await bot.SendAsync(Text(Maintainer, "/add Kelvo notes\nThe Kelvo lighthouse was painted red in 2021."), Maintainer);
        var reply = await bot.AskAsync(Stranger, "When was the Kelvo lighthouse painted red?");

        Assert.Equal(1, await bot.ScalarAsync("SELECT count(*) FROM documents WHERE source IS NULL"));
        Assert.Contains("[1] Kelvo notes", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("telegram", reply.Text, StringComparison.OrdinalIgnoreCase);
    }
}

using CorpusBot.Tests.Telegram.Fakes;
using CorpusBot.WebConsole;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static CorpusBot.Tests.Telegram.Fakes.TelegramUpdates;

namespace CorpusBot.Tests.WebConsole;

/// <summary>
/// The console in a real browser (Debian's Chromium, scripts off), served by the bot's own Kestrel on
/// a free port, signed in from the link the loopback Bot API received.
/// </summary>
public sealed class ConsoleBrowserTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task Moderator_SignsInFromTelegram_RejectsAndApproves_AskerSeesWithdrawal_QuoteOpensHighlighted()
    {
        await using var console = await ConsoleHarness.StartAsync();
        await Corpus.LoadAsync(console.Bot);
        var built = await console.Bot.AskAsync(Stranger, "When was it built?");
        var lamp = await console.Bot.AskAsync(Stranger, "What is the lamp made of?");
        var link = await console.LinkAsync(Moderator);
        Assert.Equal(console.Bot.Get<ConsoleServer>().Address!.Port, link.Port);
        var page = await browser.NewPageAsync();

        await page.GotoAsync(link.AbsoluteUri);

        Assert.Equal(new Uri(link, "/").AbsoluteUri, page.Url); // the token is gone from the address bar
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome" })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "home-moderator");

        await page.GetByRole(AriaRole.Link, new() { Name = "Review", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("article")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#answer-2 figure mark")).ToHaveTextAsync(Corpus.Lamp);
        await Browser.ScreenshotAsync(page, "review");

        await page.GetByRole(AriaRole.Button, new() { Name = "❌ Reject #2" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("rejected; the bot withdraws it in the asker's chat");
        var withdrawn = await console.Bot.Api.WaitForAsync(c => c.Method == "editMessageText" && c.ChatId == Stranger);
        Assert.Equal(lamp.MessageId, (int)withdrawn.Body["message_id"]!);
        Assert.Equal("This answer was withdrawn by a moderator after review.", withdrawn.Text);

        await page.GetByRole(AriaRole.Button, new() { Name = "✅ Approve #1" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Answer #1 approved.");
        await Assertions.Expect(page.Locator("article")).ToHaveCountAsync(0);
        Assert.Equal("approved", await console.Bot.StringAsync("SELECT review_status FROM answers WHERE id = 1"));
        Assert.Equal("rejected", await console.Bot.StringAsync("SELECT review_status FROM answers WHERE id = 2"));
        Assert.DoesNotContain(console.Bot.Api.CallsTo("editMessageText"), c => (int)c.Body["message_id"]! == built.MessageId);

        await page.GotoAsync(new Uri(link, "/review?status=all").AbsoluteUri);
        await page.Locator("#answer-1").GetByRole(AriaRole.Link, new() { Name = "Open quote 1 in its document" }).ClickAsync();
        Assert.EndsWith("#quote", page.Url, StringComparison.Ordinal);
        var mark = page.Locator(".document-text mark#quote");
        await Assertions.Expect(mark).ToHaveCountAsync(1);
        Assert.Equal(Corpus.Built, await mark.TextContentAsync());
        await Assertions.Expect(mark).ToBeInViewportAsync();
        await Browser.ScreenshotAsync(page, "document-quote");
    }

    [Fact]
    public async Task QuoteAfterEmojiCyrillicAndCombiningMarks_HighlightedAtExactlyItsOffsets()
    {
        await using var console = await ConsoleHarness.StartAsync();
        var text = QuoteHighlightTests.MixedText;
        await console.Bot.IngestAsync("mixed", "Смешанный 🏥 текст", text);
        console.Bot.Answerer.Script["treated"] = ("mixed", QuoteHighlightTests.MixedQuote, "They were treated there.");
        await console.Bot.AskAsync(Stranger, "Who was treated?");
        var page = await browser.NewPageAsync(phone: false);
        await page.GotoAsync((await console.LinkAsync(Moderator)).AbsoluteUri);

        await page.GotoAsync(new Uri(page.Url + "review").AbsoluteUri);
        Assert.Equal(QuoteHighlightTests.MixedQuote, await page.Locator("#answer-1 figure mark").TextContentAsync());
        await Browser.ScreenshotAsync(page, "review-mixed-scripts");

        await page.GetByRole(AriaRole.Link, new() { Name = "Open quote 1 in its document" }).ClickAsync();
        var start = text.IndexOf(QuoteHighlightTests.MixedQuote, StringComparison.Ordinal);
        Assert.Contains($"start={start}&end={start + QuoteHighlightTests.MixedQuote.Length}", page.Url, StringComparison.Ordinal);
        Assert.Equal(QuoteHighlightTests.MixedQuote, await page.Locator("mark#quote").TextContentAsync());
        // The page holds the stored text unchanged: the browser's string offsets (UTF-16, like .NET's) find the same quote.
        var shown = await page.Locator(".document-text").TextContentAsync();
        Assert.Equal(text, shown);
        Assert.Equal(QuoteHighlightTests.MixedQuote, shown!.Substring(start, QuoteHighlightTests.MixedQuote.Length));
        await Browser.ScreenshotAsync(page, "document-mixed-scripts");
    }

    [Fact]
    public async Task PlainUser_IsRefused_InTelegramAndInTheBrowser()
    {
        await using var console = await ConsoleHarness.StartAsync();
        await Corpus.LoadAsync(console.Bot);
        var used = await console.LinkAsync(Moderator);
        var moderatorPage = await browser.NewPageAsync();
        await moderatorPage.GotoAsync(used.AbsoluteUri);

        var reply = await console.Bot.SendAsync(Text(Stranger, "/console"), Stranger);
        Assert.Equal("Sorry, you're not allowed to do that.", reply.Text);
        var page = await browser.NewPageAsync();
        var review = await page.GotoAsync(new Uri(used, "/review").AbsoluteUri);
        Assert.Equal(403, review!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "refused");

        // The moderator's link, already used, signs nobody else in.
        var again = await page.GotoAsync(used.AbsoluteUri);
        Assert.Equal(403, again!.Status);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("already been used");
        Assert.Equal(403, (await page.GotoAsync(new Uri(used, "/").AbsoluteUri))!.Status);
    }

    [Fact]
    public async Task Maintainer_UploadsADocument_ThenTheBotAnswersFromIt()
    {
        await using var console = await ConsoleHarness.StartAsync(realAnswerer: true);
        var page = await browser.NewPageAsync();
        var link = await console.LinkAsync(Maintainer);
        await page.GotoAsync(link.AbsoluteUri);
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Documents" }).ClickAsync();
        await Browser.ScreenshotAsync(page, "documents");

        const string Sentence = "The Varnhold footbridge over the Kessa river was opened in 1931 by mayor Ilse Brandt.";
        await page.GetByLabel("File").SetInputFilesAsync(new FilePayload
        {
            Name = "varnhold-footbridge.txt",
            MimeType = "text/plain",
            Buffer = System.Text.Encoding.UTF8.GetBytes("Varnhold footbridge\n\n" + Sentence + " It is 84 metres long and carries only walkers and cyclists."),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and add" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Added: varnhold-footbridge");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Varnhold footbridge" })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "documents-uploaded");
        Assert.Equal(1, await console.Bot.ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'add' AND actor = 'telegram:200' AND document_id = 'varnhold-footbridge'"));

        var answer = await console.Bot.AskAsync(Stranger, "When was the Varnhold footbridge opened?");
        Assert.Contains("1931", answer.Text, StringComparison.Ordinal);
        Assert.Contains("varnhold-footbridge", await console.Bot.StringAsync("SELECT citations FROM answers ORDER BY id DESC LIMIT 1"), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Varnhold footbridge" }).ClickAsync();
        await Assertions.Expect(page.Locator(".document-text")).ToContainTextAsync(Sentence);
        await Assertions.Expect(page.Locator(".passage-start")).Not.ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(page, "document-full");
    }

    [Fact]
    public async Task EveryOtherPage_OpensFromTheMenu_WithoutScripts()
    {
        await using var console = await ConsoleHarness.StartAsync();
        await Corpus.LoadAsync(console.Bot);
        await console.Bot.AskAsync(Stranger, "When was it built?");
        await console.Bot.AskAsync(Stranger, "Who painted the harbour walls?");
        var page = await browser.NewPageAsync();
        await page.GotoAsync((await console.LinkAsync(Maintainer)).AbsoluteUri);
        var menu = page.GetByRole(AriaRole.Navigation);

        await menu.GetByRole(AriaRole.Link, new() { Name = "Answers" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(2);
        await Browser.ScreenshotAsync(page, "answers");

        await menu.GetByRole(AriaRole.Link, new() { Name = "Gaps" }).ClickAsync();
        await Assertions.Expect(page.Locator("article.gap h2")).ToHaveTextAsync("Who painted the harbour walls?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a source" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("add a source");
        await Browser.ScreenshotAsync(page, "gaps");

        await menu.GetByRole(AriaRole.Link, new() { Name = "Stats" }).ClickAsync();
        await Assertions.Expect(page.Locator("svg[role=img]")).ToHaveCountAsync(5);
        await Browser.ScreenshotAsync(page, "stats");

        await menu.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("mark-gap");
        await Browser.ScreenshotAsync(page, "audit");
    }
}

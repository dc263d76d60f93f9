using System.Net;
using System.Text.RegularExpressions;
using CorpusBot.Tests.Telegram.Fakes;
using static CorpusBot.Tests.Telegram.Fakes.TelegramUpdates;

namespace CorpusBot.Tests.WebConsole;

public sealed partial class ReviewPageTests
{
    [Fact]
    public async Task Review_ReportedFirst_QuotesHighlightedInTheirPassage_WithDocumentLinks()
    {
        await using var console = await ConsoleHarness.StartAsync();
        await Corpus.LoadAsync(console.Bot);
        await console.Bot.AskAsync(Stranger, "When was it built?");
        var second = await console.Bot.AskAsync(Stranger, "What is the lamp made of?");
        var report = second.ButtonData.Single(d => d.StartsWith("r:", StringComparison.Ordinal));
        console.Bot.Push(Callback(Stranger, report, Stranger, second.MessageId!.Value));
        await BotHarness.WaitUntilAsync(async () => await console.Bot.ScalarAsync("SELECT reported FROM answers WHERE id = 2") == 1);
        var client = await console.SignedInClientAsync(Moderator);

        var html = await client.GetStringAsync("/review");

        Assert.True(html.IndexOf("Answer #2", StringComparison.Ordinal) < html.IndexOf("Answer #1", StringComparison.Ordinal), "reported answer first");
        Assert.Contains("⚠ reported", html, StringComparison.Ordinal);
        // The quote, encoded, inside a <mark>, inside the passage that holds it (the whole short document here).
        Assert.Contains(
            "<blockquote>The lighthouse at Cape Mira was built in 1874 by the harbour board. <mark>Its lamp uses &lt;fresnel&gt; lenses &amp; brass fittings.</mark> Keepers lived there until 1962, when the light was automated.</blockquote>",
            html, StringComparison.Ordinal);
        Assert.Contains("<mark>The lighthouse at Cape Mira was built in 1874 by the harbour board.</mark>", html, StringComparison.Ordinal);
        var start = Corpus.Text.IndexOf(Corpus.Lamp, StringComparison.Ordinal);
        Assert.Contains($"href=\"/document?id=cape-mira-lighthouse&amp;start={start}&amp;end={start + Corpus.Lamp.Length}#quote\"", html, StringComparison.Ordinal);
        Assert.Contains("The lamp uses &lt;fresnel&gt; lenses &amp; brass.", html, StringComparison.Ordinal);
        Assert.Contains("⚠ 1", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "class=\"approve\""));
    }

    [Fact]
    public async Task ApproveAndReject_FromConsole_SameEffectAsTheButtons()
    {
        await using var console = await ConsoleHarness.StartAsync();
        await Corpus.LoadAsync(console.Bot);
        var first = await console.Bot.AskAsync(Stranger, "When was it built?");
        var second = await console.Bot.AskAsync(Stranger, "What is the lamp made of?");
        var client = await console.SignedInClientAsync(Moderator);

        var approve = await ConsoleHarness.PostFormAsync(client, "/review", "/review?handler=Decide",
            [new("answerId", "1"), new("decision", "approve"), new("returnUrl", "/review?status=pending")]);
        var reject = await ConsoleHarness.PostFormAsync(client, "/review", "/review?handler=Decide",
            [new("answerId", "2"), new("decision", "reject"), new("returnUrl", "https://evil.example/")]);

        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Equal("/review?status=pending", approve.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, reject.StatusCode);
        Assert.Equal("/review", reject.Headers.Location?.OriginalString); // never off-site
        var withdrawn = await console.Bot.Api.WaitForAsync(c => c.Method == "editMessageText" && c.ChatId == Stranger);
        Assert.Equal(second.MessageId, (int)withdrawn.Body["message_id"]!);
        Assert.Contains("withdrawn", withdrawn.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(console.Bot.Api.CallsTo("editMessageText"), c => (int)c.Body["message_id"]! == first.MessageId);
        Assert.Equal("approved", await console.Bot.StringAsync("SELECT review_status FROM answers WHERE id = 1"));
        Assert.Equal("rejected", await console.Bot.StringAsync("SELECT review_status FROM answers WHERE id = 2"));
        Assert.Equal(Moderator, await console.Bot.ScalarAsync("SELECT reviewed_by FROM answers WHERE id = 2"));
        Assert.Equal(2, await console.Bot.ScalarAsync("SELECT count(*) FROM audit_log WHERE action IN ('approve-answer', 'reject-answer') AND actor = 'telegram:100'"));
        var page = await client.GetStringAsync("/review");
        Assert.Contains("rejected; the bot withdraws it in the asker", page, StringComparison.Ordinal);
        Assert.Contains("Nothing to review", page, StringComparison.Ordinal);

        // A second decision (another tab, a replay) changes nothing, and says so.
        var replay = await ConsoleHarness.PostFormAsync(client, "/review?status=all", "/review?handler=Decide", [new("answerId", "2"), new("decision", "approve")]);
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Equal("rejected", await console.Bot.StringAsync("SELECT review_status FROM answers WHERE id = 2"));
        Assert.Contains("already reviewed", await client.GetStringAsync("/review"), StringComparison.Ordinal);
        Assert.Single(console.Bot.Api.CallsTo("editMessageText"), c => c.ChatId == Stranger);
    }

    [Fact]
    public async Task DecisionInConsole_UpdatesTheTelegramReviewCards_AsTheButtonsDo()
    {
        await using var console = await ConsoleHarness.StartAsync();
        await Corpus.LoadAsync(console.Bot);
        await console.Bot.AskAsync(Stranger, "When was it built?");
        await console.Bot.AskAsync(Stranger, "What is the lamp made of?");
        await console.Bot.SendAsync(Text(Moderator, "/review"), Moderator);
        await BotHarness.WaitUntilAsync(async () => await console.Bot.ScalarAsync("SELECT count(*) FROM review_cards") == 2);
        var cards = console.Bot.Api.SentTo(Moderator).Where(c => c.ButtonData.Count > 0).ToList();
        var client = await console.SignedInClientAsync(Moderator);

        await ConsoleHarness.PostFormAsync(client, "/review", "/review?handler=Decide", [new("answerId", "1"), new("decision", "approve")]);
        await ConsoleHarness.PostFormAsync(client, "/review", "/review?handler=Decide", [new("answerId", "2"), new("decision", "reject")]);

        var approved = await console.Bot.Api.WaitForAsync(
            c => c.Method == "editMessageText" && c.ChatId == Moderator && (int)c.Body["message_id"]! == cards[0].MessageId);
        var rejected = await console.Bot.Api.WaitForAsync(
            c => c.Method == "editMessageText" && c.ChatId == Moderator && (int)c.Body["message_id"]! == cards[1].MessageId);
        Assert.Equal(["A:1", "R:1"], cards[0].ButtonData);
        Assert.Contains("Answer #1", approved.Text, StringComparison.Ordinal);
        Assert.EndsWith("<b>✅ Approved by moderator 100.</b>", approved.Text, StringComparison.Ordinal);
        Assert.Contains("Answer #2", rejected.Text, StringComparison.Ordinal);
        Assert.EndsWith("<b>❌ Rejected by moderator 100; the answer was withdrawn.</b>", rejected.Text, StringComparison.Ordinal);
        Assert.Empty(approved.ButtonData);
        Assert.Empty(rejected.ButtonData);
        await BotHarness.WaitUntilAsync(async () => await console.Bot.ScalarAsync("SELECT count(*) FROM telegram_withdrawals") == 0);
        Assert.Single(console.Bot.Api.CallsTo("editMessageText"), c => c.ChatId == Stranger);
    }

    [Fact]
    public async Task Decide_WithoutAntiforgeryToken_400_NothingChanges()
    {
        await using var console = await ConsoleHarness.StartAsync();
        await Corpus.LoadAsync(console.Bot);
        await console.Bot.AskAsync(Stranger, "When was it built?");
        var client = await console.SignedInClientAsync(Moderator);

        var missing = await client.PostAsync("/review?handler=Decide", new FormUrlEncodedContent([new("answerId", "1"), new("decision", "reject")]));
        var forged = await client.PostAsync("/review?handler=Decide", new FormUrlEncodedContent([new("answerId", "1"), new("decision", "reject"), new("__af", "CfDJ8forged")]));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("pending", await console.Bot.StringAsync("SELECT review_status FROM answers WHERE id = 1"));
        Assert.Empty(console.Bot.Api.CallsTo("editMessageText"));
    }

    [Fact]
    public async Task Maintainer_MayNotReview_Moderator_MayNotManageDocuments()
    {
        await using var console = await ConsoleHarness.StartAsync();
        await Corpus.LoadAsync(console.Bot);
        await console.Bot.AskAsync(Stranger, "When was it built?");
        var maintainer = await console.SignedInClientAsync(Maintainer);
        var moderator = await console.SignedInClientAsync(Moderator);

        Assert.Equal(HttpStatusCode.Forbidden, (await maintainer.GetAsync("/review")).StatusCode);
        var token = ConsoleHarness.TokenPattern().Match(await maintainer.GetStringAsync("/")).Groups[1].Value;
        var post = await maintainer.PostAsync("/review?handler=Decide", new FormUrlEncodedContent(
            [new("answerId", "1"), new("decision", "approve"), new("__af", System.Net.WebUtility.HtmlDecode(token))]));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("pending", await console.Bot.StringAsync("SELECT review_status FROM answers WHERE id = 1"));

        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync("/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync("/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync("/document?id=" + Corpus.LighthouseId)).StatusCode);
    }

    [Fact]
    public async Task Filters_And_Paging()
    {
        await using var console = await ConsoleHarness.StartAsync(s => s["Console:PageSize"] = "5");
        await Corpus.LoadAsync(console.Bot);
        for (var i = 0; i < 7; i++)
        {
            await console.Bot.AskAsync(Stranger, $"When was it built? ({i})");
        }

        var client = await console.SignedInClientAsync(Moderator);
        var page1 = await client.GetStringAsync("/review");
        var page2 = await client.GetStringAsync("/review?status=pending&p=2");
        var refusedOnly = await client.GetStringAsync("/review?outcome=refused");

        Assert.Equal(5, Regex.Count(page1, "<article"));
        Assert.Contains("Page 1 of 2 (7 in all)", page1, StringComparison.Ordinal);
        Assert.Contains("href=\"/review?status=pending&amp;p=2\"", page1, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(page2, "<article"));
        Assert.Contains("Answer #7", page2, StringComparison.Ordinal);
        Assert.Contains("Nothing to review", refusedOnly, StringComparison.Ordinal);
    }
}

using System.Text;
using CorpusBot.Tests.Telegram.Fakes;
using static CorpusBot.Tests.Telegram.Fakes.TelegramUpdates;

namespace CorpusBot.Tests.Telegram;

public sealed class AskFlowTests
{
    [Fact]
    public async Task PrivateText_AnswersInEscapedHtmlWithQuotesAndButtons()
    {
        await using var bot = await BotHarness.StartAsync();
        await Corpus.LoadAsync(bot);

        var reply = await bot.AskAsync(Stranger, "What is the lamp made of?");

        Assert.Equal("html", reply.ParseMode, ignoreCase: true);
        Assert.Contains("The lamp uses &lt;fresnel&gt; lenses &amp; brass.", reply.Text);
        Assert.Contains("<blockquote>Its lamp uses &lt;fresnel&gt; lenses &amp; brass fittings.</blockquote>", reply.Text);
        Assert.Contains("[1] <a href=\"https://example.org/lighthouse?a=1&amp;b=2\">Cape Mira &lt;Lighthouse&gt; &amp; Harbour</a>", reply.Text);
        Assert.Equal(3, reply.ButtonData.Count);
        Assert.All(reply.ButtonData, d => Assert.True(Encoding.UTF8.GetByteCount(d) <= 64));
        Assert.NotEmpty(bot.Api.CallsTo("sendChatAction"));
        Assert.Equal(1, await bot.ScalarAsync("SELECT count(*) FROM answers WHERE channel = 'telegram' AND refused = 0"));
    }

    [Fact]
    public async Task Refusal_ShowsRefusalMessageAndNoQuotes()
    {
        await using var bot = await BotHarness.StartAsync(s => s["Answering:RefusalMessage"] = "Not in my sources, sorry.");
        await Corpus.LoadAsync(bot);

        var reply = await bot.AskAsync(Stranger, "Who won the 1998 world cup?");

        Assert.Equal("Not in my sources, sorry.", reply.Text);
        Assert.DoesNotContain("blockquote", reply.Text, StringComparison.Ordinal);
        Assert.Equal(1, await bot.ScalarAsync("SELECT count(*) FROM answers WHERE refused = 1"));
    }

    [Fact]
    public async Task Group_SilentUnlessAddressed_AnswersAskMentionAndReply()
    {
        await using var bot = await BotHarness.StartAsync();
        await Corpus.LoadAsync(bot);

        // Not addressed, and addressed to another bot: nothing. Then a marker the bot must answer.
        bot.Push(Text(Stranger, "When was the lighthouse built?", Group));
        bot.Push(Text(Stranger, "/ask@some_other_bot When was it built?", Group));
        var viaAsk = await bot.AskAsync(Stranger, $"/ask@{FakeBotApi.BotUsername} When was it built?", Group);
        Assert.Single(bot.Api.SentTo(Group));
        Assert.Contains("1874", viaAsk.Text);

        var viaMention = await bot.AskAsync(Stranger, $"@{FakeBotApi.BotUsername} when was it built?", Group);
        Assert.Contains("1874", viaMention.Text);

        var skip = bot.Api.Calls.Count;
        bot.Push(Text(Stranger, "and when was it built?", Group, ReplyToBot(viaMention.MessageId!.Value)));
        var viaReply = await bot.Api.WaitForMessageAsync(Group, t => t.Contains("1874", StringComparison.Ordinal), skip);
        Assert.NotNull(viaReply);
        Assert.Equal(3, bot.Api.SentTo(Group).Count);
    }

    [Fact]
    public async Task LongAnswer_SplitAtParagraphsUnder4096_ButtonsOnLastPart()
    {
        await using var bot = await BotHarness.StartAsync();
        await Corpus.LoadAsync(bot);
        var paragraphs = Enumerable.Range(0, 12).Select(i => $"Paragraph {i}: " + new string('x', 600) + " <&>");
        bot.Answerer.Script["history"] = (Corpus.LighthouseId, Corpus.Built, string.Join("\n\n", paragraphs));

        var last = await bot.AskAsync(Stranger, "Tell me the history");

        var parts = bot.Api.SentTo(Stranger);
        Assert.True(parts.Count >= 2);
        Assert.All(parts, p => Assert.True(p.Text!.Length <= 4096));
        Assert.All(parts.Take(parts.Count - 1), p => Assert.Empty(p.ButtonData));
        Assert.Same(parts[^1], last);
        Assert.All(parts, p => Assert.DoesNotContain("<&>", p.Text, StringComparison.Ordinal));
        await BotHarness.WaitUntilAsync(async () => await bot.ScalarAsync("SELECT count(*) FROM telegram_replies") == parts.Count);
    }

    [Fact]
    public async Task EntityError_ResendsAsPlainText()
    {
        await using var bot = await BotHarness.StartAsync();
        await Corpus.LoadAsync(bot);
        bot.Api.FailNext("sendMessage", 400, "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 3");

        var reply = await bot.AskAsync(Stranger, "What is the lamp made of?");

        Assert.Null(reply.ParseMode);
        Assert.Contains("Its lamp uses <fresnel> lenses & brass fittings.", reply.Text);
        Assert.DoesNotContain("<blockquote>", reply.Text, StringComparison.Ordinal);
        Assert.Single(bot.Api.SentTo(Stranger));
    }

    [Fact]
    public async Task RateLimit_AnsweredPolitely()
    {
        await using var bot = await BotHarness.StartAsync(s => s["Telegram:QuestionsPerMinute"] = "2");
        await Corpus.LoadAsync(bot);
        await bot.AskAsync(Stranger, "When was it built?");
        await bot.AskAsync(Stranger, "When was it built?");

        var third = await bot.SendAsync(Text(Stranger, "When was it built?"), Stranger);

        Assert.Contains("wait a minute", third.Text, StringComparison.Ordinal);
        Assert.Equal(2, await bot.ScalarAsync("SELECT count(*) FROM answers"));
        var other = await bot.AskAsync(Maintainer, "When was it built?");
        Assert.Contains("1874", other.Text);
    }

    [Fact]
    public async Task EditedMessage_NeverRerunsACommand()
    {
        await using var bot = await BotHarness.StartAsync();
        await Corpus.LoadAsync(bot);
        bot.Push(Edited(Maintainer, "/add Title\nbody text that should never be added."));
        bot.Push(Edited(Stranger, "When was it built?"));

        await bot.SendAsync(Text(Stranger, "/help"), Stranger);

        Assert.Single(bot.Api.SentTo(Stranger));
        Assert.Empty(bot.Api.SentTo(Maintainer));
        Assert.Equal(1, await bot.ScalarAsync("SELECT count(*) FROM documents"));
    }

    [Fact]
    public async Task Help_ListsDocumentsAndHowToAsk()
    {
        await using var bot = await BotHarness.StartAsync();
        await Corpus.LoadAsync(bot);

        var reply = await bot.SendAsync(Text(Stranger, "/start"), Stranger);

        Assert.Contains("Cape Mira &lt;Lighthouse&gt; &amp; Harbour", reply.Text);
        Assert.Contains("/ask", reply.Text);
    }
}

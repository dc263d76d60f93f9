using CorpusBot.Core.Answering;
using CorpusBot.Telegram.Moderation;
using CorpusBot.Tests.Telegram.Fakes;
using static CorpusBot.Tests.Telegram.Fakes.TelegramUpdates;

namespace CorpusBot.Tests.WebConsole;

/// <summary>Moderators review what the asker saw: the short answer first, marked inside its quote, not the quotes twice.</summary>
public sealed class ShortAnswerReviewTests
{
    [Fact]
    public async Task ExtractiveAnswer_ConsoleTelegramReviewAndCsv_ShowTheShortAnswer_MarkedInItsQuote()
    {
        await using var console = await ConsoleHarness.StartAsync();
        await Corpus.LoadAsync(console.Bot);
        console.Bot.Answerer.Extracts["built"] = [(Corpus.LighthouseId, Corpus.Built)];
        var reply = await console.Bot.AskAsync(Stranger, "When was the lighthouse built?");
        Assert.StartsWith("<b>1874</b> [1]", reply.Text, StringComparison.Ordinal);
        var client = await console.SignedInClientAsync(Moderator);

        var html = await client.GetStringAsync("/review");

        Assert.Contains("<dt>Short answer</dt><dd class=\"answer-text\">1874 [1]</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<mark>The lighthouse at Cape Mira was built in <strong>1874</strong> by the harbour board.</mark>", html, StringComparison.Ordinal);

        var csv = (await client.GetStringAsync("/answers?handler=Csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",short_answer", csv[0], StringComparison.Ordinal);
        Assert.EndsWith(",1874 [1]", csv[1], StringComparison.Ordinal);

        var skip = console.Bot.Api.Calls.Count;
        console.Bot.Push(Text(Moderator, "/review"));
        var card = await console.Bot.Api.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == Moderator && c.Text!.Contains("Answer #1", StringComparison.Ordinal), skip: skip);
        Assert.Contains("<b>Answer:</b> <b>1874</b> [1]", card.Text, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(card.Text!, "harbour board"));
    }

    [Fact]
    public void TelegramReviewCard_ExtractiveWithoutShortAnswer_SaysTheQuotesAreTheAnswer_NotThemTwice()
    {
        const string quote = "He left because he feared being sent to the front.";
        var item = new ReviewItem(5, DateTimeOffset.UnixEpoch, "Why did he leave?", false, null, quote + " [1]", [new Citation("d", "Doc", quote, 0, quote.Length)], false, "pending")
        {
            Mode = "extractive",
        };

        var html = ReviewCard.Render(item, [true]);

        Assert.Contains("<b>Answer:</b> the quotes below, as they stand", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "feared being sent"));
    }
}

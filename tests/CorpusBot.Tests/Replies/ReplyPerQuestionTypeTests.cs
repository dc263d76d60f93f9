using CorpusBot.Cli;
using CorpusBot.Core.Answering;
using CorpusBot.Replies;
using CorpusBot.Tests.Telegram.Fakes;
using Microsoft.Extensions.DependencyInjection;
using static CorpusBot.Tests.Telegram.Fakes.TelegramUpdates;

namespace CorpusBot.Tests.Replies;

/// <summary>
/// Each kind of question through the real answer service and both front ends (Telegram over the Bot API stand-in, and
/// the terminal's text): the short answer first where the question asks for a thing, the quote once below it.
/// </summary>
public sealed class ReplyPerQuestionTypeTests
{
    private const string Harbour =
        "The harbour master of Port Kelvo is Ilse Varga, who took office in 2019. The harbour opened on 12 May 1998 in Zelva. "
        + "It handles about 40 ferries a week. The pier was closed because storms had damaged its pylons.";

    public static TheoryData<string, string, string?> Questions => new()
    {
        { "Who is the harbour master of Port Kelvo?", "The harbour master of Port Kelvo is Ilse Varga, who took office in 2019.", "Ilse Varga" },
        { "When did the harbour open?", "The harbour opened on 12 May 1998 in Zelva.", "12 May 1998" },
        { "Where did the harbour open?", "The harbour opened on 12 May 1998 in Zelva.", "Zelva" },
        { "How many ferries does the harbour handle a week?", "It handles about 40 ferries a week.", "about 40 ferries" },
        { "Why was the pier closed?", "The pier was closed because storms had damaged its pylons.", null },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task Extractive_ShortAnswerFirstOrQuotesOnly_QuoteOnce_InTelegramAndTheTerminal(string question, string sentence, string? shortAnswer)
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.IngestAsync("kelvo", "Port Kelvo Harbour Report", Harbour, "https://example.org/kelvo");
        bot.Answerer.Extracts[question] = [("kelvo", sentence)];

        var html = (await bot.AskAsync(Stranger, question)).Text!;
        var answer = await bot.Host.Services.GetRequiredService<AnswerService>().AskAsync(question, CancellationToken.None);
        var text = AnswerPrinter.ToText(answer, SourceLinks.DocumentsOnly).ReplaceLineEndings("\n").Split('\n');

        if (shortAnswer is null)
        {
            Assert.StartsWith("<blockquote>", html, StringComparison.Ordinal);
            Assert.StartsWith("[1] “", text[0], StringComparison.Ordinal);
        }
        else
        {
            Assert.StartsWith($"<b>{shortAnswer}</b> [1]\n\n<blockquote>", html, StringComparison.Ordinal);
            Assert.Contains($"<b>{shortAnswer}</b>", html[html.IndexOf("<blockquote>", StringComparison.Ordinal)..], StringComparison.Ordinal);
            Assert.Equal($"{shortAnswer} [1]", text[0]);
        }

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, System.Text.RegularExpressions.Regex.Escape(sentence[..10])));
        Assert.Single(text, l => l.Contains(sentence[..10], StringComparison.Ordinal));
        Assert.Contains("[1] <a href=\"https://example.org/kelvo\">Port Kelvo Harbour Report</a>", html, StringComparison.Ordinal);
        Assert.Contains("    — Port Kelvo Harbour Report · https://example.org/kelvo", text);
    }

    [Fact]
    public async Task Llm_ProseIsTheAnswer_NoShortAnswer_QuoteOnce_InTelegramAndTheTerminal()
    {
        await using var bot = await BotHarness.StartAsync();
        await Corpus.LoadAsync(bot);

        var html = (await bot.AskAsync(Stranger, "When was it built?")).Text!;
        var answer = await bot.Host.Services.GetRequiredService<AnswerService>().AskAsync("When was it built?", CancellationToken.None);
        var text = AnswerPrinter.ToText(answer, SourceLinks.DocumentsOnly).ReplaceLineEndings("\n").Split('\n');

        Assert.Empty(answer.ShortAnswers);
        Assert.StartsWith("It was built in 1874.\n\n<blockquote>", html, StringComparison.Ordinal);
        Assert.Equal("It was built in 1874.", text[0]);
        Assert.Single(text, l => l.Contains(Corpus.Built, StringComparison.Ordinal));
    }
}

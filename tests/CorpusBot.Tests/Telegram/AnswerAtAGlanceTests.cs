using System.Text.RegularExpressions;
using CorpusBot.Telegram;
using CorpusBot.Telegram.Sending;
using CorpusBot.Tests.Telegram.Fakes;
using static CorpusBot.Tests.Telegram.Fakes.TelegramUpdates;

namespace CorpusBot.Tests.Telegram;

/// <summary>Replies through the real bot and Bot API client: the answer first, each quote once and collapsed when long, one message.</summary>
public sealed class AnswerAtAGlanceTests
{
    private const string Database =
        "According to the leaked database of the military hospital in the south of the country, which the reporters obtained and checked against "
        + "several independent sources over many weeks of careful work in the archives, nearly 900 wounded soldiers were treated in Gomel hospitals "
        + "over a period of twenty-one months, most of them brought in by bus at night.";

    private const string Claim =
        "Speaking to reporters at a long press conference in the capital that lasted well into the evening and covered many other subjects, from the "
        + "harvest to the state of the roads and the price of fuel, the president insisted that his doctors had treated about 160 to 170 wounded "
        + "soldiers in Gomel during the entire period, and not more.";

    [Fact]
    public async Task TwoSourceAnswer_OneMessageUnder1000Characters_ShortAnswersFirst_QuotesCollapsedOnce_ButtonsKept()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.IngestAsync("leak", "Leaked hospital database", "The leak. " + Database, "https://example.org/leak");
        await bot.IngestAsync("claim", "President's press conference", Claim + " He spoke for hours.");
        bot.Answerer.Extracts["wounded"] = [("leak", Database), ("claim", Claim)];

        var reply = await bot.AskAsync(Stranger, "How many wounded soldiers were treated in Gomel?");

        Assert.Single(bot.Api.SentTo(Stranger));
        Assert.True(reply.Text!.Length < 1000, $"{reply.Text.Length} characters");
        Assert.StartsWith("<b>nearly 900 wounded soldiers</b> [1] · <b>about 160 to 170 wounded soldiers</b> [2]\n\n", reply.Text, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(reply.Text, "<blockquote expandable>"));
        Assert.True(Database.Length > AnswerFormatter.ExpandableQuoteChars && Claim.Length > AnswerFormatter.ExpandableQuoteChars);
        Assert.Single(Regex.Matches(reply.Text, "careful work in the archives"));
        Assert.Single(Regex.Matches(reply.Text, "price of fuel"));
        Assert.Contains("[1] <a href=\"https://example.org/leak\">Leaked hospital database</a>", reply.Text, StringComparison.Ordinal);
        Assert.Contains("[2] President's press conference", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("characters", reply.Text, StringComparison.Ordinal);
        Assert.Equal(3, reply.ButtonData.Count);
    }

    [Fact]
    public async Task ConsoleOn_QuoteInContextLinkedForStaffInPrivate_NotForOthers()
    {
        await using var bot = await BotHarness.StartAsync(s =>
        {
            s["Console:Url"] = "http://127.0.0.1:0";
            s["Console:PublicUrl"] = "https://console.example.org/";
        });
        await Corpus.LoadAsync(bot);

        var moderator = await bot.AskAsync(Moderator, "When was the lighthouse built?");
        var stranger = await bot.AskAsync(Stranger, "When was the lighthouse built?");

        var start = Corpus.Text.IndexOf(Corpus.Built, StringComparison.Ordinal);
        var link = $"<a href=\"https://console.example.org/document?id={Corpus.LighthouseId}&amp;start={start}&amp;end={start + Corpus.Built.Length}#quote\">in context</a>";
        Assert.Contains(link, moderator.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("console.example.org", stranger.Text, StringComparison.Ordinal);
        Assert.Contains(Corpus.LighthouseUrl.Replace("&", "&amp;", StringComparison.Ordinal), stranger.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoEvidenceRefusal_NamesTheClosestDocumentByTitle_AndIsRecordedForGaps()
    {
        await using var bot = await BotHarness.StartAsync(realAnswerer: true);
        await bot.IngestAsync(Corpus.LighthouseId, Corpus.LighthouseTitle, Corpus.Text, Corpus.LighthouseUrl);

        var reply = await bot.AskAsync(Stranger, "When did Zelensky visit the lighthouse at Cape Mira?");

        Assert.StartsWith("I can't answer that from the sources I have.", reply.Text, StringComparison.Ordinal);
        Assert.Contains(BotTexts.ClosestDocuments + "\n• <a href=\"https://example.org/lighthouse?a=1&amp;b=2\">Cape Mira &lt;Lighthouse&gt; &amp; Harbour</a>", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Corpus.LighthouseId, reply.Text, StringComparison.Ordinal);
        Assert.Equal(1, await bot.ScalarAsync("SELECT count(*) FROM answers WHERE refused = 1 AND reason = 'no_evidence'"));
    }
}

using System.Diagnostics;
using System.Globalization;
using CorpusBot.Tests.Telegram.Fakes;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static CorpusBot.Tests.Telegram.Fakes.TelegramUpdates;

namespace CorpusBot.Tests.WebConsole;

/// <summary>
/// Issue 12's "done when": a moderator clears a review queue of 50 answers from a phone faster in the console than in
/// Telegram. Both ways are driven as a person drives them, and counted the same way: what the moderator does (taps,
/// typed commands) and the round trips they then wait for (a page load; a reply from the bot). Chromium at 390×844
/// with scripts off for the console; the real Telegram.Bot client against the loopback Bot API for Telegram, with the
/// bot's real per-chat pacing when CORPUSBOT_MEASURE_REAL_PACING=1 (docs/CONSOLE.md has the figures and the command).
/// The counts are asserted; the times are only printed: speed belongs in measurements, not in assertions.
/// </summary>
public sealed class ReviewQueueMeasurementTests(Browser browser, ITestOutputHelper output) : IClassFixture<Browser>
{
    private const int Queue = 50;
    private const int ReviewBatch = 5; // Telegram:ReviewBatchSize, the default
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(5); // a hang guard only, never a target

    [Fact]
    public async Task ClearingFiftyAnswers_ConsoleOneTapAndOnePageLoadEach_TelegramAlsoACommandPerFiveAndTwoRepliesEach()
    {
        var realPacing = Environment.GetEnvironmentVariable("CORPUSBOT_MEASURE_REAL_PACING") == "1";
        await using var console = await ConsoleHarness.StartAsync(s =>
        {
            s["Telegram:ReviewBatchSize"] = ReviewBatch.ToString(CultureInfo.InvariantCulture);
            if (realPacing)
            {
                // The defaults a deployment runs with: one message a second per chat, 30 a second in all.
                s.Remove("Telegram:ChatIntervalMs");
                s.Remove("Telegram:GlobalMessagesPerSecond");
            }
        });
        await Corpus.LoadAsync(console.Bot);

        await SeedAsync(console.Bot, first: 1);
        var web = await ClearInConsoleAsync(console);
        await SeedAsync(console.Bot, first: Queue + 1);
        var telegram = await ClearInTelegramAsync(console.Bot);

        output.WriteLine($"Telegram pacing: {(realPacing ? "real (1 message/s per chat)" : "test (10 ms per chat)")}. Load average: {LoadAverage()}.");
        output.WriteLine(web.Describe("console (phone, 390×844, no scripts)"));
        output.WriteLine(telegram.Describe("Telegram (buttons under /review cards)"));
        Assert.Equal(Queue, await console.Bot.ScalarAsync("SELECT count(*) FROM answers WHERE review_status = 'approved' AND id <= 50"));
        Assert.Equal(Queue, await console.Bot.ScalarAsync("SELECT count(*) FROM answers WHERE review_status = 'approved' AND id > 50"));
        // Console: one tap on Approve and one page load per answer (plus opening the queue once); nothing typed.
        Assert.Equal(Queue + 1, web.Taps);
        Assert.Equal(0, web.Typed);
        Assert.Equal(Queue + 1, web.Waits);
        Assert.Equal(Queue + 1, web.Messages);
        // Telegram: a typed /review per five cards, one tap per answer, and per answer two replies to wait for
        // (the button's answer and the card's edit), plus the five cards after each /review.
        Assert.Equal(Queue, telegram.Taps);
        Assert.Equal(Queue / ReviewBatch, telegram.Typed);
        Assert.Equal(Queue + (Queue / ReviewBatch), telegram.Waits);
        Assert.Equal(Queue * 3, telegram.Messages);
    }

    /// <summary>Fifty answered questions from fifty people (no one hits the per-person limit), all pending review.</summary>
    private static async Task SeedAsync(BotHarness bot, int first)
    {
        for (var i = 0; i < Queue; i++)
        {
            await bot.AskAsync(50_000 + first + i, "When was it built?");
        }

        Assert.Equal(Queue, await bot.ScalarAsync($"SELECT count(*) FROM answers WHERE review_status = 'pending' AND id >= {first}"));
    }

    private async Task<Tally> ClearInConsoleAsync(ConsoleHarness console)
    {
        var page = await browser.NewPageAsync(phone: true);
        await page.GotoAsync((await console.LinkAsync(Moderator)).AbsoluteUri);
        var tally = new Tally();
        page.Load += (_, _) => tally.Messages++; // every page the phone loads
        var started = Stopwatch.GetTimestamp();

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Review" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        tally.Taps++;
        tally.Waits++;
        for (var decided = 0; decided < Queue; decided++)
        {
            var approve = page.Locator("button.approve").First;
            var id = (await approve.TextContentAsync(new() { Timeout = (float)Guard.TotalMilliseconds }))!.Split('#')[1];
            await approve.ClickAsync();
            tally.Taps++;
            // The page that follows says what happened: the round trip the moderator waits for.
            await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"Answer #{id} approved.", new() { Timeout = (float)Guard.TotalMilliseconds });
            tally.Waits++;
        }

        tally.Elapsed = Stopwatch.GetElapsedTime(started);
        await Assertions.Expect(page.Locator("button.approve")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(page, "review-cleared");
        return tally;
    }

    private static async Task<Tally> ClearInTelegramAsync(BotHarness bot)
    {
        var tally = new Tally();
        var started = Stopwatch.GetTimestamp();
        for (var batch = 0; batch < Queue / ReviewBatch; batch++)
        {
            var skip = bot.Api.Calls.Count;
            bot.Push(Text(Moderator, "/review"));
            tally.Typed++;
            var cards = await WaitForCountAsync(bot, c => c.Method == "sendMessage" && c.ChatId == Moderator && c.ButtonData.Count > 0, ReviewBatch, skip);
            tally.Waits++;
            tally.Messages += cards.Count;
            foreach (var card in cards)
            {
                var answerId = card.ButtonData[0].Split(':')[1];
                var pressed = bot.Api.Calls.Count;
                bot.Push(Callback(Moderator, "A:" + answerId, Moderator, card.MessageId!.Value));
                tally.Taps++;
                // The spinner stops with "Approved." and the card is edited to show the decision, buttons gone.
                await bot.Api.WaitForAsync(c => c.Method == "answerCallbackQuery" && (string?)c.Body["text"] == "Approved.", Guard, pressed);
                var edited = await bot.Api.WaitForAsync(c => c.Method == "editMessageText" && c.Succeeded && (int)c.Body["message_id"]! == card.MessageId, Guard, pressed);
                Assert.Empty(edited.ButtonData);
                tally.Waits++;
                tally.Messages += 2;
            }
        }

        tally.Elapsed = Stopwatch.GetElapsedTime(started);
        return tally;
    }

    private static async Task<IReadOnlyList<ApiCall>> WaitForCountAsync(BotHarness bot, Func<ApiCall, bool> match, int count, int skip)
    {
        IReadOnlyList<ApiCall> found = [];
        await BotHarness.WaitUntilAsync(
            () =>
            {
                found = [.. bot.Api.Calls.Skip(skip).Where(match)];
                return Task.FromResult(found.Count >= count);
            },
            Guard);
        Assert.Equal(count, found.Count);
        return found;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    /// <summary>What clearing the queue took: the moderator's actions, the round trips waited for, the messages or pages received.</summary>
    private sealed class Tally
    {
        public int Taps { get; set; }

        public int Typed { get; set; }

        public int Waits { get; set; }

        public int Messages { get; set; }

        public TimeSpan Elapsed { get; set; }

        public string Describe(string way) => string.Create(
            CultureInfo.InvariantCulture,
            $"{way}: {Queue} answers, {Taps} taps, {Typed} typed commands, {Waits} round trips waited for, {Messages} pages/messages received; {Elapsed.TotalSeconds:0.0} s in all, {Elapsed.TotalMilliseconds / Queue:0} ms per answer.");
    }
}

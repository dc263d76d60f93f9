using System.Collections.Concurrent;
using System.Globalization;
using CorpusBot.Telegram;
using CorpusBot.Tests.Telegram.Fakes;
using Xunit.Abstractions;
using static CorpusBot.Tests.Telegram.Fakes.TelegramUpdates;

namespace CorpusBot.Tests.Cli;

/// <summary>
/// Two OS processes on one SQLite file, as an operator would run them: the bot answering in this
/// process while `corpusbot ingest` (the real program, started as its own process) adds documents to
/// the same database. No question may fail or be told the database is busy, the ingest loses nothing,
/// and the bot's next answers find what the other process added.
/// </summary>
public sealed class IngestWhileBotAnswersTests(ITestOutputHelper output)
{
    private const int Documents = 1280; // twenty of the loader's 64-document transactions
    private const int Askers = 4;
    private static readonly string[] Syllables = ["ka", "lo", "mi", "ren", "tu", "vos", "zel", "bar", "quin", "dor"];

    [Fact]
    public async Task CliIngestInAnotherProcess_WhileTheBotAnswers_NothingLost_NoLockErrorReachesAUser_NewDocumentsFound()
    {
        await using var bot = await BotHarness.StartAsync(realAnswerer: true);
        await bot.IngestAsync(Corpus.LighthouseId, Corpus.LighthouseTitle, Corpus.Text, Corpus.LighthouseUrl);
        var folder = Path.Combine(bot.Directory, "incoming");
        Directory.CreateDirectory(folder);
        for (var i = 0; i < Documents; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, $"harbour-{i:D3}.txt"), Fact(i));
        }

        // The askers start before the other process and stop only after it has exited, one question always in
        // flight each: every write the ingest makes overlaps the bot's reading and writing (answers are logged).
        using var ingestDone = new CancellationTokenSource();
        var replies = new ConcurrentBag<(string Text, long DocumentsThen, TimeSpan Took)>();
        var askers = Enumerable.Range(0, Askers).Select(k => AskUntilAsync(bot, k, replies, ingestDone.Token)).ToArray();
        var ingest = await CliRunner.RunAsync(["ingest", folder, "--db", Path.Combine(bot.Directory, "bot.db")]);
        await ingestDone.CancelAsync();
        await Task.WhenAll(askers);

        var during = replies.Count(r => r.DocumentsThen > 1 && r.DocumentsThen < 1 + Documents);
        var took = replies.Select(r => r.Took.TotalSeconds).Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{replies.Count} questions answered by the bot while the CLI ingested {Documents} documents ({during} with the ingest visibly half-way); reply after {took[took.Count / 2]:0.0} s median, {took[^1]:0.0} s at most (printed, not asserted)."));
        Assert.True(ingest.ExitCode == 0, $"ingest exited {ingest.ExitCode}: {ingest.Stderr}");
        Assert.DoesNotContain("locked", ingest.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1 + Documents, await bot.ScalarAsync("SELECT count(*) FROM documents"));
        Assert.Equal(replies.Count, await bot.ScalarAsync("SELECT count(*) FROM answers"));
        string[] failures = [BotTexts.Failed, BotTexts.FailedBusy, BotTexts.FailedStorage, BotTexts.FailedUpstream];
        Assert.All(replies, r => Assert.DoesNotContain(r.Text, failures));
        Assert.All(replies, r => Assert.Contains("1874", r.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs.GetSnapshot(), l => $"{l.Message} {l.Exception}".Contains("locked", StringComparison.OrdinalIgnoreCase));

        // The bot's index follows the other process's commits: documents it never saw added are found and quoted.
        foreach (var i in new[] { 0, Documents / 2, Documents - 1 })
        {
            var reply = await bot.AskAsync(Stranger, $"Who is the harbour master of Port {Town(i)}?");
            Assert.Contains(Keeper(i), reply.Text, StringComparison.Ordinal);
        }
    }

    /// <summary>Asks about the bot's own document until <paramref name="stop"/>, as a new person each time (no rate limit in the way).</summary>
    private static async Task AskUntilAsync(BotHarness bot, int asker, ConcurrentBag<(string Text, long DocumentsThen, TimeSpan Took)> replies, CancellationToken stop)
    {
        for (var n = 0; n == 0 || !stop.IsCancellationRequested; n++)
        {
            var user = 10_000 + (asker * 10_000) + n;
            var skip = bot.Api.Calls.Count;
            var asked = System.Diagnostics.Stopwatch.GetTimestamp();
            bot.Push(Text(user, "When was the lighthouse at Cape Mira built?"));
            // A hang guard only: the assertion is on what was said, not when.
            var reply = await bot.Api.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == user, TimeSpan.FromMinutes(2), skip);
            var took = System.Diagnostics.Stopwatch.GetElapsedTime(asked);
            replies.Add((reply.Text ?? string.Empty, await bot.ScalarAsync("SELECT count(*) FROM documents"), took));
        }
    }

    private static string Fact(int i) =>
        $"The harbour master of Port {Town(i)} is {Keeper(i)}. Its pier was rebuilt in {(1000 + i).ToString(CultureInfo.InvariantCulture)} after a winter storm.";

    private static string Town(int i) => Word(i, 0, 1, 2, 3);

    private static string Keeper(int i) => Word(i, 3, 2, 1, 0) + "a Velin";

    private static string Word(int i, params int[] order)
    {
        int[] digits = [i / 1000 % 10, i / 100 % 10, i / 10 % 10, i % 10];
        var word = string.Concat(order.Select(d => Syllables[digits[d]]));
        return char.ToUpperInvariant(word[0]) + word[1..];
    }
}

using CorpusBot.Tests.Telegram.Fakes;
using Microsoft.Extensions.Time.Testing;
using static CorpusBot.Tests.Telegram.Fakes.TelegramUpdates;

namespace CorpusBot.Tests.Telegram;

public sealed class ReliabilityTests
{
    [Fact]
    public async Task DuplicateUpdateId_AnsweredOnce()
    {
        await using var bot = await BotHarness.StartAsync();
        await Corpus.LoadAsync(bot);
        var update = Text(Stranger, "When was it built?");
        bot.Push(update);
        bot.Push((System.Text.Json.Nodes.JsonObject)update.DeepClone());

        // Same chat, so handled after both copies: once it is answered, a second answer would already be there.
        await bot.SendAsync(Text(Stranger, "/help"), Stranger);
        await bot.Api.WaitForMessageAsync(Stranger, t => t.Contains("/ask", StringComparison.Ordinal));

        Assert.Single(bot.Api.SentTo(Stranger), c => c.Text!.Contains("1874", StringComparison.Ordinal));
        Assert.Equal(1, await bot.ScalarAsync("SELECT count(*) FROM answers"));
    }

    [Fact]
    public async Task Restart_RedeliveredUpdateIsAnsweredOnce()
    {
        await using var api = await FakeBotApi.StartAsync();
        var directory = Path.Combine(Path.GetTempPath(), "corpusbot-tg-" + Guid.NewGuid().ToString("N"));
        var update = Text(Stranger, "When was it built?", updateId: 900_001);
        try
        {
            await RestartAsync(api, directory, update);
        }
        finally
        {
            BotHarness.DeleteDirectory(directory);
        }
    }

    private static async Task RestartAsync(FakeBotApi api, string directory, System.Text.Json.Nodes.JsonObject update)
    {
        await using (var first = await BotHarness.StartAsync(api: api, directory: directory))
        {
            await Corpus.LoadAsync(first);
            first.Push(update);
            await api.WaitForMessageAsync(Stranger, t => t.Contains("1874", StringComparison.Ordinal));
            await first.StopAsync();
        }

        await using var second = await BotHarness.StartAsync(api: api, directory: directory);
        // Telegram sends the batch again (the restart came before the offset was confirmed).
        second.Push((System.Text.Json.Nodes.JsonObject)update.DeepClone());
        await second.SendAsync(Text(Stranger, "/help", updateId: 900_002), Stranger);

        Assert.Single(api.SentTo(Stranger), c => c.Text!.Contains("1874", StringComparison.Ordinal));
        Assert.Equal("handled", await second.StringAsync("SELECT status FROM telegram_updates WHERE update_id = 900001"));
    }

    [Fact]
    public async Task FailingHandler_DoesNotStopIntake()
    {
        await using var bot = await BotHarness.StartAsync();
        await Corpus.LoadAsync(bot);
        bot.Api.FailNext("sendMessage", 500, "Internal Server Error");
        var failing = Text(Stranger, "When was it built?");
        bot.Push(failing);
        // The injected 500 is not tied to a chat: wait until the stranger's handler has met it, so the
        // maintainer's question below cannot be the one that draws it.
        var failedId = (int)failing["update_id"]!;
        await BotHarness.WaitUntilAsync(async () => await bot.StringAsync($"SELECT status FROM telegram_updates WHERE update_id = {failedId}") == "failed");

        var next = await bot.AskAsync(Maintainer, "When was it built?");

        Assert.Contains("1874", next.Text);
        var again = await bot.AskAsync(Stranger, "When was it built?");
        Assert.Contains("1874", again.Text);
    }

    [Fact]
    public async Task AnswerCannotBeRecorded_UserIsToldItFailed_AndWhetherToRetry()
    {
        await using var bot = await BotHarness.StartAsync();
        await Corpus.LoadAsync(bot);
        await bot.ScalarAsync("DROP TABLE answers; SELECT 0;"); // the answer log write now throws

        var reply = await bot.SendAsync(Text(Stranger, "When was it built?"), Stranger);

        Assert.Contains("failed", reply.Text, StringComparison.Ordinal);
        Assert.Contains("try again", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("answers", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFileFails_MaintainerIsToldToRetry()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Api.Files["f1"] = ("documents/file_1.txt", "Notes\n\nThe pier is 300 metres long."u8.ToArray(), null);
        bot.Api.FailNext("getFile", 500, "Internal Server Error");

        var reply = await bot.SendAsync(Document(Maintainer, "/add", "f1", "pier.txt", 40), Maintainer);

        Assert.Contains("did not answer", reply.Text, StringComparison.Ordinal);
        Assert.Contains("try again", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, await bot.ScalarAsync("SELECT count(*) FROM documents"));
    }

    [Fact]
    public async Task ButtonWhoseHandlingThrows_IsStillAnswered()
    {
        await using var bot = await BotHarness.StartAsync();
        await Corpus.LoadAsync(bot);
        var answer = await bot.AskAsync(Stranger, "When was it built?");
        await bot.ScalarAsync("DROP TABLE feedback; SELECT 0;"); // every feedback write now throws

        bot.Push(Callback(Stranger, "h:1", Stranger, answer.MessageId!.Value));
        var answered = await bot.Api.WaitForAsync(c => c.Method == "answerCallbackQuery");

        Assert.Equal("Sorry, that failed. Please try again in a minute.", (string?)answered.Body["text"]);
    }

    [Fact]
    public async Task FloodControl_RetryAfterHonoured_ReplyDeliveredOnce()
    {
        var clock = new FakeTimeProvider();
        await using var api = await FakeBotApi.StartAsync();
        api.Clock = clock;
        await using var bot = await BotHarness.StartAsync(s => s["Telegram:ChatIntervalMs"] = "0", api: api, clock: clock);
        await Corpus.LoadAsync(bot);
        // Past Telegram.Bot's own RetryThreshold (60 s): the client gives up at once and our pacer must carry the reply.
        api.FailNext("sendMessage", 429, "Too Many Requests: retry after 90", retryAfter: 90);

        bot.Push(Text(Stranger, "When was it built?"));
        await AdvanceUntilAsync(clock, () => bot.Api.SentTo(Stranger).Count > 0, TimeSpan.FromSeconds(1));

        var attempts = bot.Api.CallsTo("sendMessage").Where(c => c.ChatId == Stranger).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(429, attempts[0].Status);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(90), $"retried after {attempts[1].At - attempts[0].At} (fake clock)");
        Assert.Contains("1874", attempts[1].Text, StringComparison.Ordinal);
        Assert.Contains(bot.Logs.GetSnapshot(), r => r.Id.Id == 4030 && r.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.DoesNotContain(bot.Logs.GetSnapshot(), r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task PollingErrors_BackOffInsteadOfSpinning()
    {
        var clock = new FakeTimeProvider();
        await using var api = await FakeBotApi.StartAsync();
        api.Clock = clock;
        api.FailNext("getUpdates", 502, "Bad Gateway", times: 4);
        await using var bot = await BotHarness.StartAsync(api: api, clock: clock);

        bot.Push(Text(Stranger, "/help"));
        await AdvanceUntilAsync(clock, () => api.SentTo(Stranger).Count > 0);

        var polls = api.CallsTo("getUpdates").Take(5).ToList();
        Assert.Equal([502, 502, 502, 502, 200], polls.Select(p => p.Status));
        var gaps = polls.Zip(polls.Skip(1), (a, b) => (b.At - a.At).TotalMilliseconds).ToList();
        // Base 50 ms, doubling, ±10 % jitter: at least 45, 90, 180, 360 ms of (fake) time between polls.
        Assert.True(gaps[0] >= 45 && gaps[1] >= 90 && gaps[2] >= 180 && gaps[3] >= 360, string.Join(", ", gaps));
    }

    [Fact]
    public async Task OneUserFloodingEightGroups_DoesNotDelayAnotherUsersPrivateAnswer()
    {
        // Telegram's real pacing and the default limits: 1 message/s per chat, 20/min per group, 6 per user.
        await using var bot = await BotHarness.StartAsync(s =>
        {
            s["Telegram:ChatIntervalMs"] = "1000";
            s["Telegram:GroupMessagesPerMinute"] = "20";
            s["Telegram:GlobalMessagesPerSecond"] = "30";
            s["Telegram:QuestionsPerMinute"] = "6";
        });
        await Corpus.LoadAsync(bot);
        const long flooder = 666;
        const int perGroup = 25;
        var groups = Enumerable.Range(1, 8).Select(g => -1000000000000L - g).ToList();
        foreach (var i in Enumerable.Range(0, perGroup))
        {
            foreach (var group in groups)
            {
                bot.Push(Text(flooder, i % 2 == 0 ? "/help" : "/ask When was it built?", group));
            }
        }

        var asked = DateTimeOffset.UtcNow;
        var answer = await bot.AskAsync(Stranger, "When was it built?");
        var delay = answer.At - asked;

        Assert.True(delay < TimeSpan.FromSeconds(5), $"the private answer took {delay.TotalSeconds:0.0} s behind {perGroup * groups.Count} flooded messages");
        // Everything the flooder sent has been dealt with: once each group's last update is journaled as done, count the replies.
        await BotHarness.WaitUntilAsync(async () =>
            await bot.ScalarAsync("SELECT count(*) FROM telegram_updates WHERE status IN ('received', 'replying')") == 0);
        var toFlooder = bot.Api.CallsTo("sendMessage").Count(c => groups.Contains(c.ChatId));
        Assert.True(toFlooder <= 7, $"{toFlooder} replies to {perGroup * groups.Count} flooded messages"); // 6 allowed + one "slow down"
        Assert.Single(bot.Api.CallsTo("sendMessage"), c => groups.Contains(c.ChatId) && c.Text!.Contains("wait a minute", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KilledAfterReplyBeforeMarkingDone_RestartDoesNotAnswerAgain()
    {
        await using var api = await FakeBotApi.StartAsync();
        var directory = Path.Combine(Path.GetTempPath(), "corpusbot-tg-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = await BotHarness.StartAsync(api: api, directory: directory))
            {
                await Corpus.LoadAsync(first);
                var dispatcher = first.Get<CorpusBot.Telegram.Updates.ChatDispatcher>();
                var killed = new TaskCompletionSource();
                api.BeforeAnswer = async (method, body) =>
                {
                    if (method == "sendMessage" && ((string?)body["text"])?.Contains("1874", StringComparison.Ordinal) == true)
                    {
                        api.BeforeAnswer = null;
                        await dispatcher.AbortAsync(); // the reply is delivered; the handler dies before anything else
                        killed.TrySetResult();
                    }
                };
                first.Push(Text(Stranger, "When was it built?", updateId: 910_001));
                await killed.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }

            await using var second = await BotHarness.StartAsync(api: api, directory: directory);
            // Same chat as the interrupted update, so handled after any re-run of it.
            await second.SendAsync(Text(Stranger, "/help", updateId: 910_002), Stranger);

            Assert.Single(api.SentTo(Stranger), c => c.Text!.Contains("1874", StringComparison.Ordinal));
            Assert.Equal("interrupted", await second.StringAsync("SELECT status FROM telegram_updates WHERE update_id = 910001"));
        }
        finally
        {
            BotHarness.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task Journal_KeepsJournalDays_AndAnIdSeenLongAgoIsNewAgain()
    {
        await using var bot = await BotHarness.StartAsync();
        await Corpus.LoadAsync(bot);
        var old = DateTimeOffset.UtcNow.AddDays(-8).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        await bot.ScalarAsync($"INSERT INTO telegram_updates(update_id, received_at, payload, status) VALUES (920001, '{old}', '{{\"text\":\"old secret\"}}', 'handled'), (920002, '{old}', '{{}}', 'handled'); SELECT 0;");

        // Telegram reuses an id after a week of silence: the new update must be answered, not taken for a duplicate.
        bot.Push(Text(Stranger, "When was it built?", updateId: 920001));
        var answer = await bot.Api.WaitForMessageAsync(Stranger, t => t.Contains("1874", StringComparison.Ordinal));
        await bot.Get<CorpusBot.Telegram.Updates.UpdateJournal>().PruneAsync(CancellationToken.None);

        Assert.NotNull(answer);
        Assert.Equal(0, await bot.ScalarAsync("SELECT count(*) FROM telegram_updates WHERE payload LIKE '%old secret%' OR update_id = 920002"));
        Assert.Equal(1, await bot.ScalarAsync("SELECT count(*) FROM telegram_updates WHERE update_id = 920001"));
    }

    /// <summary>Moves the fake clock on in small steps until the condition holds (the bot's waits fire only as it moves).</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, Func<bool> condition, TimeSpan? step = null)
    {
        for (var i = 0; i < 2000 && !condition(); i++)
        {
            clock.Advance(step ?? TimeSpan.FromMilliseconds(50));
            await Task.Delay(5);
        }

        Assert.True(condition(), "The condition was not met while the fake clock advanced.");
    }

    [Fact]
    public async Task TokenNeverAppearsInLogs()
    {
        await using var bot = await BotHarness.StartAsync();
        await Corpus.LoadAsync(bot);
        bot.Api.Files["f1"] = ("documents/file_1.txt", "Notes\n\nThe pier is 300 metres long."u8.ToArray(), null);
        bot.Api.FailNext("getUpdates", 500, "Internal Server Error");
        bot.Api.FailNext("sendMessage", 500, "Internal Server Error");

        bot.Push(Text(Stranger, "When was it built?"));
        await bot.AskAsync(Stranger, "When was it built?");
        await bot.SendAsync(Document(Maintainer, "/add", "f1", "pier.txt", 40), Maintainer);

        var records = bot.Logs.GetSnapshot();
        Assert.Contains(records, r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Contains(records, r => r.Exception is not null);
        Assert.Contains(bot.Api.Downloads, p => p == "documents/file_1.txt");
        Assert.All(records, r =>
        {
            Assert.DoesNotContain(FakeBotApi.Token, r.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(FakeBotApi.Token, r.Exception?.ToString() ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain(FakeBotApi.Token, string.Join(' ', r.StructuredState?.Select(s => s.Value) ?? []), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Stop_FinishesInFlightAnswers()
    {
        await using var bot = await BotHarness.StartAsync();
        await Corpus.LoadAsync(bot);
        bot.Answerer.Delay = TimeSpan.FromMilliseconds(600);
        bot.Push(Text(Stranger, "When was it built?"));
        await bot.Api.WaitForAsync(c => c.Method == "sendChatAction" && c.ChatId == Stranger);

        await bot.StopAsync();

        Assert.Single(bot.Api.SentTo(Stranger), c => c.Text!.Contains("1874", StringComparison.Ordinal));
        Assert.Equal(0, await bot.ScalarAsync("SELECT count(*) FROM telegram_updates WHERE status <> 'handled'"));
    }
}

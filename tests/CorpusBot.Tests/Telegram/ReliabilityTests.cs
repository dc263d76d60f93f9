using CorpusBot.Tests.Telegram.Fakes;
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
        await using var bot = await BotHarness.StartAsync();
        await Corpus.LoadAsync(bot);
        bot.Api.FailNext("sendMessage", 429, "Too Many Requests: retry after 1", retryAfter: 1);

        var reply = await bot.AskAsync(Stranger, "When was it built?");

        var attempts = bot.Api.CallsTo("sendMessage").Where(c => c.ChatId == Stranger).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(429, attempts[0].Status);
        Assert.Same(reply, attempts[1]);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(0.95), $"retried after {(attempts[1].At - attempts[0].At).TotalMilliseconds} ms");
        Assert.Single(bot.Api.SentTo(Stranger));
    }

    [Fact]
    public async Task PollingErrors_BackOffInsteadOfSpinning()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.FailNext("getUpdates", 502, "Bad Gateway", times: 4);
        await using var bot = await BotHarness.StartAsync(api: api);

        var reply = await bot.SendAsync(Text(Stranger, "/help"), Stranger);

        Assert.NotNull(reply);
        var polls = api.CallsTo("getUpdates").Take(5).Select(c => c.At).ToList();
        var gaps = polls.Zip(polls.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToList();
        // Base 50 ms, doubling (±10 % jitter): about 50, 100, 200, 400.
        Assert.True(gaps[0] >= 40, $"first gap {gaps[0]} ms");
        Assert.True(gaps[3] >= 300, $"fourth gap {gaps[3]} ms");
        Assert.True(gaps.Take(4).Sum() >= 650, string.Join(", ", gaps));
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

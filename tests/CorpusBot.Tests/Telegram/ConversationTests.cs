using CorpusBot.Tests.Telegram.Fakes;
using static CorpusBot.Tests.Telegram.Fakes.TelegramUpdates;

namespace CorpusBot.Tests.Telegram;

/// <summary>Follow-up questions: in a private chat within the window, as replies in a group, across a restart, never across people.</summary>
public sealed class ConversationTests
{
    private const string Harbour = "The harbour master of Port Kelvo is Ilse Varga.";
    private const string Opened = "Port Kelvo opened in 1998.";

    [Fact]
    public async Task Private_PronounFollowUp_AnsweredAsStandaloneQuestion_AndSaysSo()
    {
        await using var bot = await StartAsync();

        await bot.AskAsync(Stranger, "Who is the harbour master of Port Kelvo?");
        var reply = await bot.AskAsync(Stranger, "When did it open?");

        Assert.StartsWith("<i>Answering: When did Port Kelvo open?</i>", reply.Text, StringComparison.Ordinal);
        Assert.Contains(Opened, reply.Text, StringComparison.Ordinal);
        Assert.Equal("When did Port Kelvo open?", await bot.StringAsync("SELECT question FROM answers ORDER BY id DESC LIMIT 1"));
    }

    [Fact]
    public async Task Private_QuestionWithItsOwnName_StandsAlone()
    {
        await using var bot = await StartAsync();

        await bot.AskAsync(Stranger, "Who is the harbour master of Port Kelvo?");
        var reply = await bot.AskAsync(Stranger, "How many nurses does the Lida clinic employ?");

        Assert.DoesNotContain("Answering:", reply.Text, StringComparison.Ordinal);
        Assert.Equal("How many nurses does the Lida clinic employ?", await bot.StringAsync("SELECT question FROM answers ORDER BY id DESC LIMIT 1"));
    }

    [Fact]
    public async Task Group_ReplyToAnswer_IsAFollowUpOfThatAnswer_EvenFromSomeoneElse()
    {
        await using var bot = await StartAsync();
        var first = await bot.AskAsync(Stranger, $"/ask Who is the harbour master of Port Kelvo?", Group);

        var skip = bot.Api.Calls.Count;
        bot.Push(Text(Moderator, "When did it open?", Group, ReplyToBot(first.MessageId!.Value)));
        var reply = await bot.Api.WaitForAsync(c => c.Method == "sendMessage" && c.Succeeded && c.ChatId == Group && c.ButtonData.Count > 0, skip: skip);

        Assert.StartsWith("<i>Answering: When did Port Kelvo open?</i>", reply.Text, StringComparison.Ordinal);
        Assert.Contains(Opened, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Group_LeaningQuestionWithoutReply_NotAFollowUp()
    {
        await using var bot = await StartAsync();
        await bot.AskAsync(Stranger, "/ask Who is the harbour master of Port Kelvo?", Group);

        var reply = await bot.AskAsync(Stranger, "/ask When did it open?", Group);

        Assert.DoesNotContain("Answering:", reply.Text, StringComparison.Ordinal);
        Assert.Contains(ScriptedAnswerer.RefusalText, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conversation_SurvivesRestart()
    {
        var api = await FakeBotApi.StartAsync();
        await using (api)
        {
            var directory = Path.Combine(Path.GetTempPath(), "corpusbot-tg-" + Guid.NewGuid().ToString("N"));
            try
            {
                await using (var before = await StartAsync(api, directory))
                {
                    await before.AskAsync(Stranger, "Who is the harbour master of Port Kelvo?");
                }

                await using var after = await BotHarness.StartAsync(api: api, directory: directory);
                Script(after);
                var reply = await after.AskAsync(Stranger, "When did it open?");

                Assert.StartsWith("<i>Answering: When did Port Kelvo open?</i>", reply.Text, StringComparison.Ordinal);
            }
            finally
            {
                BotHarness.DeleteDirectory(directory);
            }
        }
    }

    [Fact]
    public async Task NewCommand_StartsAfresh()
    {
        await using var bot = await StartAsync();
        await bot.AskAsync(Stranger, "Who is the harbour master of Port Kelvo?");

        var reset = await bot.SendAsync(Text(Stranger, "/new"), Stranger);
        var reply = await bot.AskAsync(Stranger, "When did it open?");

        Assert.Contains("Starting afresh", reset.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Answering:", reply.Text, StringComparison.Ordinal);
        Assert.Equal("When did it open?", await bot.StringAsync("SELECT question FROM answers ORDER BY id DESC LIMIT 1"));
    }

    [Fact]
    public async Task Conversations_NeverSharedBetweenPeople()
    {
        await using var bot = await StartAsync();
        await bot.AskAsync(Moderator, "Who is the harbour master of Port Kelvo?");

        var reply = await bot.AskAsync(Stranger, "When did it open?");

        Assert.DoesNotContain("Answering:", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Port Kelvo", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WindowZero_PrivateRuleOff_RepliesStillFollowUp()
    {
        await using var bot = await StartAsync(configure: s => s["Conversation:Window"] = "00:00:00");
        var first = await bot.AskAsync(Stranger, "Who is the harbour master of Port Kelvo?");

        var plain = await bot.AskAsync(Stranger, "When did it open?");
        var skip = bot.Api.Calls.Count;
        bot.Push(Text(Stranger, "When did it open?", message: ReplyToBot(first.MessageId!.Value)));
        var replied = await bot.Api.WaitForAsync(c => c.Method == "sendMessage" && c.Succeeded && c.ChatId == Stranger && c.ButtonData.Count > 0, skip: skip);

        Assert.DoesNotContain("Answering:", plain.Text, StringComparison.Ordinal);
        Assert.StartsWith("<i>Answering: When did Port Kelvo open?</i>", replied.Text, StringComparison.Ordinal);
    }

    private static async Task<BotHarness> StartAsync(FakeBotApi? api = null, string? directory = null, Action<Dictionary<string, string?>>? configure = null)
    {
        var bot = await BotHarness.StartAsync(configure, api, directory);
        await bot.IngestAsync("kelvo", "Port Kelvo", $"{Harbour} {Opened}");
        Script(bot);
        return bot;
    }

    private static void Script(BotHarness bot)
    {
        bot.Answerer.Script["harbour master of Port Kelvo"] = ("kelvo", Harbour, "Ilse Varga.");
        bot.Answerer.Script["When did Port Kelvo open"] = ("kelvo", Opened, "In 1998.");
    }
}

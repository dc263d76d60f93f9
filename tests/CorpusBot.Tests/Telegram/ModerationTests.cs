using CorpusBot.Tests.Telegram.Fakes;
using static CorpusBot.Tests.Telegram.Fakes.TelegramUpdates;

namespace CorpusBot.Tests.Telegram;

public sealed class ModerationTests
{
    [Fact]
    public async Task Report_PutsAnswerFirstInReview_WithQuotesAndVerification()
    {
        await using var bot = await BotHarness.StartAsync();
        await Corpus.LoadAsync(bot);
        await bot.AskAsync(Stranger, "When was it built?");
        var second = await bot.AskAsync(Stranger, "What is the lamp made of?");
        var report = second.ButtonData.Single(d => d.StartsWith("r:", StringComparison.Ordinal));

        bot.Push(Callback(Stranger, report, Stranger, second.MessageId!.Value));
        await bot.Api.WaitForAsync(c => c.Method == "answerCallbackQuery" && ((string?)c.Body["text"])!.Contains("moderator", StringComparison.Ordinal));
        var skip = bot.Api.Calls.Count;
        bot.Push(Text(Moderator, "/review"));
        await bot.Api.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == Moderator && c.Text!.Contains("Answer #1", StringComparison.Ordinal), skip: skip);

        var cards = bot.Api.SentTo(Moderator);
        Assert.Equal(2, cards.Count);
        Assert.Contains("Answer #2</b> ⚠ <b>reported", cards[0].Text);
        Assert.Contains("<blockquote>Its lamp uses &lt;fresnel&gt; lenses &amp; brass fittings.</blockquote>", cards[0].Text);
        Assert.Contains("(cape-mira-lighthouse) — verified", cards[0].Text);
        Assert.Equal(["A:2", "R:2"], cards[0].ButtonData);
        Assert.Contains("Answer #1", cards[1].Text);
        Assert.Equal(1, await bot.ScalarAsync("SELECT reported FROM answers WHERE id = 2"));
    }

    [Fact]
    public async Task Approve_And_Reject_UpdateStatus_RejectWithdrawsTheAskersMessage()
    {
        await using var bot = await BotHarness.StartAsync();
        await Corpus.LoadAsync(bot);
        var first = await bot.AskAsync(Stranger, "When was it built?");
        var second = await bot.AskAsync(Stranger, "What is the lamp made of?");
        await bot.SendAsync(Text(Moderator, "/review"), Moderator);
        var cards = await WaitForCardsAsync(bot, 2);

        bot.Push(Callback(Moderator, "A:1", Moderator, cards[0].MessageId!.Value));
        bot.Push(Callback(Moderator, "R:2", Moderator, cards[1].MessageId!.Value));

        var withdrawn = await bot.Api.WaitForAsync(c => c.Method == "editMessageText" && c.ChatId == Stranger);
        Assert.Equal(second.MessageId, (int)withdrawn.Body["message_id"]!);
        Assert.Contains("withdrawn", withdrawn.Text, StringComparison.Ordinal);
        await bot.Api.WaitForAsync(c => c.Method == "editMessageText" && c.ChatId == Moderator && c.Text!.Contains("Rejected", StringComparison.Ordinal));
        Assert.Equal("approved", await bot.StringAsync("SELECT review_status FROM answers WHERE id = 1"));
        Assert.Equal("rejected", await bot.StringAsync("SELECT review_status FROM answers WHERE id = 2"));
        Assert.Equal(Moderator, await bot.ScalarAsync("SELECT reviewed_by FROM answers WHERE id = 2"));
        Assert.Equal(2, await bot.ScalarAsync("SELECT count(*) FROM audit_log WHERE action IN ('approve-answer', 'reject-answer') AND actor = 'telegram:100'"));
        Assert.DoesNotContain(bot.Api.CallsTo("editMessageText"), c => (int)c.Body["message_id"]! == first.MessageId);

        // Pressing again (a replay) changes nothing.
        bot.Push(Callback(Moderator, "A:2", Moderator, cards[1].MessageId!.Value));
        await bot.Api.WaitForAsync(c => c.Method == "answerCallbackQuery" && (string?)c.Body["text"] == "This answer has already been reviewed.");
        Assert.Equal("rejected", await bot.StringAsync("SELECT review_status FROM answers WHERE id = 2"));
    }

    [Fact]
    public async Task Review_ReportedQuestionFullOfAmpersands_StillShown_AndTheQueueGoesOn()
    {
        await using var bot = await BotHarness.StartAsync();
        await Corpus.LoadAsync(bot);
        // Articles hold '&' and '<' too: a quote and an answer of 700 characters that escape to 1700 each, under a
        // question of 700 '&' (3500 escaped). Cut by plain length, as before issue 9, this card cannot be sent at all.
        var clause = "Terms " + string.Concat(Enumerable.Repeat("A&B<C> ", 100)) + "apply.";
        await bot.IngestAsync("terms", "Terms & <conditions>", "Preamble. " + clause + " Signed.");
        bot.Answerer.Script["terms"] = ("terms", clause, clause);
        await bot.AskAsync(Stranger, "When was it built?");
        var hostile = await bot.AskAsync(Stranger, new string('&', 700) + " What are the terms?");
        bot.Push(Callback(Stranger, "r:2", Stranger, hostile.MessageId!.Value));
        await WaitForCallbackAnswersAsync(bot, 1);

        bot.Push(Text(Moderator, "/review"));
        var cards = await WaitForCardsAsync(bot, 2);

        Assert.Equal(2, cards.Count);
        Assert.Equal(["A:2", "R:2"], cards[0].ButtonData);
        Assert.Equal(["A:1", "R:1"], cards[1].ButtonData);
        Assert.All(cards, c => Assert.InRange(c.Text!.Length, 1, FakeBotApi.MaxMessageLength));
    }

    [Fact]
    public async Task Review_CardTelegramRefuses_GetsAPlainFallback_AndTheNextCardIsShown()
    {
        await using var bot = await BotHarness.StartAsync();
        await Corpus.LoadAsync(bot);
        await bot.AskAsync(Stranger, "When was it built?");
        await bot.AskAsync(Stranger, "What is the lamp made of?");
        bot.Api.FailNext("sendMessage", 400, "Bad Request: message is too long");

        bot.Push(Text(Moderator, "/review"));
        var cards = await WaitForCardsAsync(bot, 2);

        Assert.Equal(2, cards.Count);
        Assert.Contains("Answer #1", cards[0].Text, StringComparison.Ordinal);
        Assert.Contains("could not be shown", cards[0].Text, StringComparison.Ordinal);
        Assert.Equal(["A:1", "R:1"], cards[0].ButtonData);
        Assert.Equal(["A:2", "R:2"], cards[1].ButtonData);
    }

    [Fact]
    public async Task Reject_WithdrawalTelegramRefuses_IsRetriedAfterARestart_UntilDone()
    {
        await using var api = await FakeBotApi.StartAsync();
        var directory = Path.Combine(Path.GetTempPath(), "corpusbot-tg-" + Guid.NewGuid().ToString("N"));
        try
        {
            int answerMessage;
            // A long back-off: the first run must not get a second try in; only the restart retries.
            await using (var first = await BotHarness.StartAsync(s => s["Telegram:WithdrawalRetryBaseMs"] = "3600000", api: api, directory: directory))
            {
                await Corpus.LoadAsync(first);
                answerMessage = (await first.AskAsync(Stranger, "When was it built?")).MessageId!.Value;
                await first.SendAsync(Text(Moderator, "/review"), Moderator);
                var card = (await WaitForCardsAsync(first, 1))[0];
                api.FailNext("editMessageText", 502, "Bad Gateway", chatId: Stranger);

                first.Push(Callback(Moderator, "R:1", Moderator, card.MessageId!.Value));
                await BotHarness.WaitUntilAsync(async () => await first.ScalarAsync("SELECT coalesce(max(attempts), 0) FROM telegram_withdrawals") == 1);
                Assert.Equal("rejected", await first.StringAsync("SELECT review_status FROM answers WHERE id = 1"));
                Assert.DoesNotContain(api.CallsTo("editMessageText"), c => c.ChatId == Stranger && c.Succeeded);
            }

            await using var second = await BotHarness.StartAsync(api: api, directory: directory);
            await BotHarness.WaitUntilAsync(async () => await second.ScalarAsync("SELECT count(*) FROM telegram_withdrawals") == 0);

            var withdrawn = Assert.Single(api.CallsTo("editMessageText"), c => c.ChatId == Stranger && c.Succeeded);
            Assert.Equal(answerMessage, (int)withdrawn.Body["message_id"]!);
            Assert.Contains("withdrawn", withdrawn.Text, StringComparison.Ordinal);
        }
        finally
        {
            BotHarness.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task Reject_WithdrawalFailsTwice_IsRetriedWhileRunning()
    {
        await using var bot = await BotHarness.StartAsync(s => s["Telegram:WithdrawalRetryBaseMs"] = "20");
        await Corpus.LoadAsync(bot);
        await bot.AskAsync(Stranger, "When was it built?");
        await bot.SendAsync(Text(Moderator, "/review"), Moderator);
        var card = (await WaitForCardsAsync(bot, 1))[0];
        bot.Api.FailNext("editMessageText", 500, "Internal Server Error", times: 2, chatId: Stranger);

        bot.Push(Callback(Moderator, "R:1", Moderator, card.MessageId!.Value));
        var withdrawn = await bot.Api.WaitForAsync(c => c.Method == "editMessageText" && c.ChatId == Stranger && c.Succeeded);

        Assert.Contains("withdrawn", withdrawn.Text, StringComparison.Ordinal);
        Assert.Equal(2, bot.Api.CallsTo("editMessageText").Count(c => c.ChatId == Stranger && !c.Succeeded));
        await BotHarness.WaitUntilAsync(async () => await bot.ScalarAsync("SELECT count(*) FROM telegram_withdrawals") == 0);
    }

    [Fact]
    public async Task NonModerator_Review_And_Stats_NotAllowed()
    {
        await using var bot = await BotHarness.StartAsync();
        await Corpus.LoadAsync(bot);
        await bot.AskAsync(Stranger, "When was it built?");

        var review = await bot.SendAsync(Text(Maintainer, "/review"), Maintainer);
        var stats = await bot.SendAsync(Text(Stranger, "/stats"), Stranger);

        Assert.Equal("Sorry, you're not allowed to do that.", review.Text);
        Assert.Equal("Sorry, you're not allowed to do that.", stats.Text);
        Assert.Empty(review.ButtonData);
    }

    [Fact]
    public async Task PrivilegedCommandInGroup_Refused_EvenForModerator()
    {
        await using var bot = await BotHarness.StartAsync();
        await Corpus.LoadAsync(bot);
        await bot.AskAsync(Stranger, "When was it built?");

        var reply = await bot.SendAsync(Text(Moderator, "/review", Group), Group);

        Assert.Equal("This command works only in a private chat with me.", reply.Text);
        Assert.Single(bot.Api.SentTo(Group));
    }

    [Fact]
    public async Task AnonymousAdminAndChannelSender_GetNoRole()
    {
        await using var bot = await BotHarness.StartAsync(s =>
        {
            s["Roles:Moderators:1"] = "1087968824";
            s["Roles:Maintainers:1"] = "1087968824";
        });
        await Corpus.LoadAsync(bot);

        var anonymous = await bot.SendAsync(Text(1087968824, "/stats"), 1087968824);
        var channel = await bot.SendAsync(
            Text(Moderator, "/stats", message: m => m["sender_chat"] = new System.Text.Json.Nodes.JsonObject { ["id"] = -100777, ["type"] = "channel", ["title"] = "News" }),
            Moderator);

        Assert.Equal("Sorry, you're not allowed to do that.", anonymous.Text);
        Assert.Equal("Sorry, you're not allowed to do that.", channel.Text);
    }

    [Fact]
    public async Task ForgedOrReplayedButtons_ChangeNothing_AndAreAnswered()
    {
        await using var bot = await BotHarness.StartAsync();
        await Corpus.LoadAsync(bot);
        var answer = await bot.AskAsync(Stranger, "When was it built?");

        bot.Push(Callback(Stranger, "A:1", Stranger, answer.MessageId!.Value));           // not a moderator
        bot.Push(Callback(Stranger, "r:1", Stranger, answer.MessageId.Value + 500));     // not under answer 1
        bot.Push(Callback(Maintainer, "r:1", Maintainer, answer.MessageId.Value));       // another chat's message
        bot.Push(Callback(Stranger, "x:1;DROP TABLE answers", Stranger, answer.MessageId.Value));
        bot.Push(Callback(Stranger, "h:" + new string('9', 70), Stranger, answer.MessageId.Value));

        await WaitForCallbackAnswersAsync(bot, 5);
        Assert.Equal("pending", await bot.StringAsync("SELECT review_status FROM answers WHERE id = 1"));
        Assert.Equal(0, await bot.ScalarAsync("SELECT reported FROM answers WHERE id = 1"));
        Assert.Equal(0, await bot.ScalarAsync("SELECT count(*) FROM feedback"));
        Assert.Contains(bot.Api.CallsTo("answerCallbackQuery"), c => (string?)c.Body["text"] == "Sorry, you're not allowed to do that.");
    }

    [Fact]
    public async Task Stats_CountAnswersRefusalsAndFeedback()
    {
        await using var bot = await BotHarness.StartAsync();
        await Corpus.LoadAsync(bot);
        var answer = await bot.AskAsync(Stranger, "When was it built?");
        await bot.AskAsync(Stranger, "Who won the cup?");
        bot.Push(Callback(Stranger, "h:1", Stranger, answer.MessageId!.Value));
        await WaitForCallbackAnswersAsync(bot, 1);

        var stats = await bot.SendAsync(Text(Moderator, "/stats"), Moderator);

        Assert.Contains("Answers: 2", stats.Text);
        Assert.Contains("Refused: 1 (50%)", stats.Text);
        Assert.Contains("Helpful: 1", stats.Text);
    }

    [Fact]
    public async Task Decision_ByButton_UpdatesEveryCardOfTheAnswer_AndRemovesTheirButtons()
    {
        await using var bot = await BotHarness.StartAsync(s =>
        {
            s["Telegram:ModerationChatId"] = "-100999";
            s["Telegram:ModerationPost"] = "All";
        });
        await Corpus.LoadAsync(bot);
        await bot.AskAsync(Stranger, "When was it built?");
        var posted = await bot.Api.WaitForMessageAsync(-100999);
        await bot.SendAsync(Text(Moderator, "/review"), Moderator);
        var card = (await WaitForCardsAsync(bot, 1))[0];
        await BotHarness.WaitUntilAsync(async () => await bot.ScalarAsync("SELECT count(*) FROM review_cards WHERE answer_id = 1") == 2);

        // Approved from the moderator's private card: the copy in the moderators' chat shows it too.
        bot.Push(Callback(Moderator, "A:1", Moderator, card.MessageId!.Value));

        var inPrivate = await bot.Api.WaitForAsync(c => c.Method == "editMessageText" && c.ChatId == Moderator && c.Succeeded);
        var inGroup = await bot.Api.WaitForAsync(c => c.Method == "editMessageText" && c.ChatId == -100999 && c.Succeeded);
        Assert.Equal(card.MessageId, (int)inPrivate.Body["message_id"]!);
        Assert.Equal(posted.MessageId, (int)inGroup.Body["message_id"]!);
        foreach (var edit in new[] { inPrivate, inGroup })
        {
            Assert.Contains("Answer #1", edit.Text, StringComparison.Ordinal);
            Assert.EndsWith("<b>✅ Approved by moderator 100.</b>", edit.Text, StringComparison.Ordinal);
            Assert.Empty(edit.ButtonData);
        }

        await BotHarness.WaitUntilAsync(async () => await bot.ScalarAsync("SELECT count(*) FROM telegram_withdrawals") == 0);
        Assert.DoesNotContain(bot.Api.CallsTo("editMessageText"), c => c.ChatId == Stranger);
    }

    [Fact]
    public async Task ModerationChat_ReceivesEveryAnswer_WhenConfigured()
    {
        await using var bot = await BotHarness.StartAsync(s =>
        {
            s["Telegram:ModerationChatId"] = "-100999";
            s["Telegram:ModerationPost"] = "All";
        });
        await Corpus.LoadAsync(bot);

        await bot.AskAsync(Stranger, "When was it built?");
        var card = await bot.Api.WaitForMessageAsync(-100999);

        Assert.Contains("Answer #1", card.Text);
        Assert.Equal(["A:1", "R:1"], card.ButtonData);
    }

    private static async Task<IReadOnlyList<ApiCall>> WaitForCardsAsync(BotHarness bot, int count)
    {
        await BotHarness.WaitUntilAsync(() => Task.FromResult(bot.Api.SentTo(Moderator).Count >= count));
        return bot.Api.SentTo(Moderator);
    }

    private static async Task WaitForCallbackAnswersAsync(BotHarness bot, int count)
    {
        await BotHarness.WaitUntilAsync(() => Task.FromResult(bot.Api.CallsTo("answerCallbackQuery").Count >= count));
        Assert.Equal(count, bot.Api.CallsTo("answerCallbackQuery").Count);
    }
}

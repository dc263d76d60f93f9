using CorpusBot.Core.Answering;
using CorpusBot.Core.Conversations;
using CorpusBot.Core.Storage;
using CorpusBot.Telegram.Moderation;
using CorpusBot.Telegram.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace CorpusBot.Telegram.Commands;

/// <summary>
/// A question (the sender's rate limit is checked by <see cref="MessageRouter"/>): typing → follow-up
/// made to stand alone (<see cref="FollowUps"/>) → <see cref="AnswerService"/> (which records it) → HTML
/// reply in parts with the feedback buttons under the last → remember which messages carry the answer.
/// The typing indicator stays on until the reply is sent.
/// </summary>
internal sealed class AskCommand(
    AnswerService answers,
    FollowUps followUps,
    ModerationStore moderation,
    ModerationPoster poster,
    BotSender sender,
    Replies.SourceLinks links,
    Roles roles,
    IOptions<AnsweringOptions> answering,
    ILogger<AskCommand> logger)
{
    public async Task RunAsync(Message message, string question, CancellationToken cancellationToken)
    {
        var chatId = message.Chat.Id;
        if (string.IsNullOrWhiteSpace(question))
        {
            await sender.SendTextAsync(chatId, BotTexts.AskUsage, null, message.Id, cancellationToken);
            return;
        }

        var asker = Roles.PersonOf(message) ?? message.SenderChat?.Id ?? message.From?.Id ?? chatId;

        long answerId;
        Answer answer;
        List<ReplyMessage> sent;
        using (var typing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var indicator = sender.KeepTypingAsync(chatId, typing.Token);
            try
            {
                var conversation = new ConversationKey(chatId, asker);
                var turn = await followUps.ResolveAsync(conversation, question, await RepliedQuestionAsync(message, cancellationToken), Roles.IsPrivate(message), cancellationToken);
                (answerId, answer) = await answers.AskAndRecordAsync(turn.Question, new AnswerContext("telegram", chatId, asker, message.Id), cancellationToken);
                await followUps.RememberAsync(conversation, answer.Question, cancellationToken);
                sent = await SendAsync(message, answer, answerId, turn.IsRewritten ? turn.Question : null, cancellationToken);
            }
            finally
            {
                await typing.CancelAsync();
                await indicator;
            }
        }

        await moderation.RecordRepliesAsync(answerId, sent, cancellationToken);
        TelegramLog.AnswerSent(logger, answerId, chatId, answer.Refused, sent.Count);
        if (!answer.Refused)
        {
            await poster.PostAsync(answerId, reported: false, cancellationToken);
        }
    }

    /// <summary>The HTML reply in parts, the feedback buttons under the last, saying which question was answered when it differs from what was typed.</summary>
    private async Task<List<ReplyMessage>> SendAsync(Message message, Answer answer, long answerId, string? answeredQuestion, CancellationToken cancellationToken)
    {
        // The console's quote-in-context page opens only for staff: offered to them in a private chat, not to a group.
        var staff = Roles.IsPrivate(message) && (roles.IsModerator(message) || roles.IsMaintainer(message));
        var parts = AnswerFormatter.Format(answer, answering.Value.RefusalMessage, answeredQuestion: answeredQuestion, links: staff ? links : Replies.SourceLinks.DocumentsOnly);
        var sent = new List<ReplyMessage>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var buttons = i == parts.Count - 1 ? Keyboards.Feedback(answerId) : null;
            var reply = await sender.SendHtmlAsync(message.Chat.Id, parts[i], buttons, i == 0 ? message.Id : null, cancellationToken);
            sent.Add(new ReplyMessage(message.Chat.Id, reply.Id));
        }

        return sent;
    }

    /// <summary>When the message replies to one of the bot's answers: that answer's question.</summary>
    private async Task<string?> RepliedQuestionAsync(Message message, CancellationToken cancellationToken) =>
        message.ReplyToMessage is { } replied
        && await moderation.AnswerOfMessageAsync(message.Chat.Id, replied.Id, cancellationToken) is { } answerId
            ? (await moderation.GetAsync(answerId, cancellationToken))?.Question
            : null;
}

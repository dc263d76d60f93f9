using CorpusBot.Core.Answering;
using CorpusBot.Core.Storage;
using CorpusBot.Telegram.Moderation;
using CorpusBot.Telegram.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace CorpusBot.Telegram.Commands;

/// <summary>
/// A question (the sender's rate limit is checked by <see cref="MessageRouter"/>): typing → <see cref="AnswerService"/> (which records it) → HTML reply in parts
/// with the feedback buttons under the last → remember which messages carry the answer.
/// </summary>
internal sealed class AskCommand(
    AnswerService answers,
    ModerationStore moderation,
    ModerationPoster poster,
    BotSender sender,
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
        using (var typing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var indicator = sender.KeepTypingAsync(chatId, typing.Token);
            try
            {
                (answerId, answer) = await answers.AskAndRecordAsync(question, new AnswerContext("telegram", chatId, asker, message.Id), cancellationToken);
            }
            finally
            {
                await typing.CancelAsync();
                await indicator;
            }
        }

        var parts = AnswerFormatter.Format(answer, answering.Value.RefusalMessage);
        var sent = new List<ReplyMessage>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var buttons = i == parts.Count - 1 ? Keyboards.Feedback(answerId) : null;
            var reply = await sender.SendHtmlAsync(chatId, parts[i], buttons, i == 0 ? message.Id : null, cancellationToken);
            sent.Add(new ReplyMessage(chatId, reply.Id));
        }

        await moderation.RecordRepliesAsync(answerId, sent, cancellationToken);
        TelegramLog.AnswerSent(logger, answerId, chatId, answer.Refused, parts.Count);
        if (!answer.Refused)
        {
            await poster.PostAsync(answerId, reported: false, cancellationToken);
        }
    }
}

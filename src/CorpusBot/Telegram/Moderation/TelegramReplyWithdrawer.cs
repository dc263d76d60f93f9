using CorpusBot.Telegram.Sending;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Exceptions;

namespace CorpusBot.Telegram.Moderation;

/// <summary>Edits each message carrying the answer into the "withdrawn" notice.</summary>
internal sealed class TelegramReplyWithdrawer(BotSender sender, ILogger<TelegramReplyWithdrawer> logger) : IReplyWithdrawer
{
    public async Task<int> WithdrawAsync(IReadOnlyList<ReplyMessage> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var withdrawn = 0;
        foreach (var reply in replies)
        {
            try
            {
                await sender.EditHtmlAsync(reply.ChatId, reply.MessageId, Html.Escape(BotTexts.Withdrawn), null, cancellationToken);
                withdrawn++;
            }
            catch (RequestException e)
            {
                // Too old to edit, or deleted by the user: the decision stands either way.
                TelegramLog.EditFailed(logger, reply.ChatId, reply.MessageId, e.GetType().Name);
            }
        }

        return withdrawn;
    }
}

/// <summary>Without a bot token (`corpusbot console` alone) nothing can be edited in Telegram; the decision is still recorded.</summary>
internal sealed class NoBotReplyWithdrawer : IReplyWithdrawer
{
    public Task<int> WithdrawAsync(IReadOnlyList<ReplyMessage> replies, CancellationToken cancellationToken) => Task.FromResult(0);
}

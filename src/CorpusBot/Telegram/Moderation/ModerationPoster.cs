using CorpusBot.Core.Answering;
using CorpusBot.Telegram.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;

namespace CorpusBot.Telegram.Moderation;

/// <summary>Posts answers to <see cref="TelegramOptions.ModerationChatId"/> for review, when one is configured.</summary>
internal sealed class ModerationPoster(
    IOptions<TelegramOptions> options,
    ModerationStore store,
    QuoteVerifier verifier,
    BotSender sender,
    ILogger<ModerationPoster> logger)
{
    /// <param name="reported">True when posting because of a report; otherwise only posted in <see cref="ModerationPostMode.All"/>.</param>
    public async Task PostAsync(long answerId, bool reported, CancellationToken cancellationToken)
    {
        if (options.Value.ModerationChatId is not { } chatId || (!reported && options.Value.ModerationPost != ModerationPostMode.All))
        {
            return;
        }

        var item = await store.GetAsync(answerId, cancellationToken);
        if (item is null || item.ReviewStatus != "pending")
        {
            return;
        }

        try
        {
            var verified = await ReviewCard.VerifyAsync(item, verifier, cancellationToken);
            var card = await sender.SendHtmlAsync(chatId, ReviewCard.Render(item, verified), Keyboards.Review(answerId), null, cancellationToken);
            await store.RecordCardAsync(answerId, chatId, card.Id, cancellationToken);
        }
        catch (RequestException e)
        {
            // The asker's flow must not fail because the moderators' chat is unreachable; /review still lists it.
            TelegramLog.EditFailed(logger, chatId, 0, e.GetType().Name);
        }
    }
}

using System.Globalization;
using CorpusBot.Core.Answering;
using CorpusBot.Telegram.Moderation;
using CorpusBot.Telegram.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace CorpusBot.Telegram.Commands;

/// <summary>
/// /review (moderators): the next answers awaiting review, reported first, each with approve / reject.
/// Each card is rendered and sent on its own: one that fails gets a short plain fallback that still
/// carries the buttons, and the queue goes on, so no single answer can block moderation.
/// </summary>
internal sealed class ReviewCommand(
    ModerationStore store,
    QuoteVerifier verifier,
    BotSender sender,
    TokenRedactor redactor,
    IOptions<TelegramOptions> options,
    ILogger<ReviewCommand> logger)
{
    public async Task RunAsync(Message message, CancellationToken cancellationToken)
    {
        var items = await store.NextForReviewAsync(options.Value.ReviewBatchSize, cancellationToken);
        if (items.Count == 0)
        {
            await sender.SendTextAsync(message.Chat.Id, BotTexts.NothingToReview, null, message.Id, cancellationToken);
            return;
        }

        foreach (var item in items)
        {
            await ShowAsync(message.Chat.Id, item, cancellationToken);
        }
    }

    private async Task ShowAsync(long chatId, ReviewItem item, CancellationToken cancellationToken)
    {
        try
        {
            var verified = await ReviewCard.VerifyAsync(item, verifier, cancellationToken);
            var card = await sender.SendHtmlAsync(chatId, ReviewCard.Render(item, verified), Keyboards.Review(item.Id), null, cancellationToken);
            await store.RecordCardAsync(item.Id, chatId, card.Id, cancellationToken);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            TelegramLog.ReviewCardFailed(logger, redactor.Redact(e), item.Id);
        }

        try
        {
            var fallback = string.Create(CultureInfo.InvariantCulture, $"Answer #{item.Id}: {BotTexts.CardNotShown}");
            var card = await sender.SendTextAsync(chatId, fallback, Keyboards.Review(item.Id), null, cancellationToken);
            await store.RecordCardAsync(item.Id, chatId, card.Id, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            TelegramLog.ReviewCardFailed(logger, redactor.Redact(e), item.Id);
        }
    }
}

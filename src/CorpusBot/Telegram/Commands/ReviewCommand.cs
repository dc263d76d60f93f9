using CorpusBot.Core.Answering;
using CorpusBot.Telegram.Moderation;
using CorpusBot.Telegram.Sending;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace CorpusBot.Telegram.Commands;

/// <summary>/review (moderators): the next answers awaiting review, reported first, each with approve / reject.</summary>
internal sealed class ReviewCommand(ModerationStore store, QuoteVerifier verifier, BotSender sender, IOptions<TelegramOptions> options)
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
            var verified = await ReviewCard.VerifyAsync(item, verifier, cancellationToken);
            await sender.SendHtmlAsync(message.Chat.Id, ReviewCard.Render(item, verified), Keyboards.Review(item.Id), null, cancellationToken);
        }
    }
}

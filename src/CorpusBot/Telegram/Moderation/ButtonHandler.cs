using CorpusBot.Telegram.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CorpusBot.Telegram.Moderation;

/// <summary>
/// Button presses. Data is parsed strictly; a feedback button counts only under the very message that
/// carries its answer; approve / reject re-check the moderator role on every press and act once.
/// Every press is answered, also when handling it fails.
/// </summary>
internal sealed class ButtonHandler(
    Roles roles,
    BotSender sender,
    FeedbackStore feedback,
    ModerationStore moderation,
    ModerationPoster poster,
    AnswerReviewer reviewer,
    IOptions<TelegramOptions> options,
    ILogger<ButtonHandler> logger)
{
    public async Task HandleAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var data = ButtonData.Parse(query.Data);
        if (data is not { } button || Roles.PersonOf(query) is not { } userId || query.Message is not { } message)
        {
            TelegramLog.ForgedButton(logger, query.From.Id);
            await sender.AnswerButtonAsync(query.Id, BotTexts.ButtonUnknown, cancellationToken);
            return;
        }

        // Answered in a finally: a press whose handling throws still stops the spinner, with a reason.
        var text = BotTexts.ButtonFailed;
        try
        {
            text = button.IsFeedback
                ? await FeedbackAsync(button, userId, message, cancellationToken)
                : await ReviewAsync(query, button, userId, message, cancellationToken);
        }
        finally
        {
            await sender.AnswerButtonAsync(query.Id, text, CancellationToken.None);
        }
    }

    private async Task<string> FeedbackAsync(ButtonData button, long userId, Message message, CancellationToken cancellationToken)
    {
        var carried = await moderation.AnswerOfMessageAsync(message.Chat.Id, message.Id, cancellationToken);
        if (carried != button.AnswerId)
        {
            TelegramLog.ForgedButton(logger, userId);
            return BotTexts.ButtonUnknown;
        }

        var kind = button.Action switch
        {
            ButtonData.Helpful => FeedbackStore.Helpful,
            ButtonData.NotHelpful => FeedbackStore.NotHelpful,
            _ => FeedbackStore.Report,
        };
        var added = await feedback.AddAsync(button.AnswerId, userId, kind, cancellationToken);
        TelegramLog.Feedback(logger, kind, button.AnswerId, userId);
        if (kind != FeedbackStore.Report)
        {
            return BotTexts.FeedbackThanks;
        }

        if (added)
        {
            await poster.PostAsync(button.AnswerId, reported: true, cancellationToken);
        }

        return BotTexts.ReportThanks;
    }

    private async Task<string> ReviewAsync(CallbackQuery query, ButtonData button, long userId, Message message, CancellationToken cancellationToken)
    {
        var inReviewChat = message.Chat.Type == ChatType.Private || message.Chat.Id == options.Value.ModerationChatId;
        if (!roles.IsModerator(query) || !inReviewChat)
        {
            TelegramLog.AccessDenied(logger, "review-button", userId, message.Chat.Id, "no role");
            return BotTexts.NotAllowed;
        }

        // The card pressed is one of the answer's cards even if it was sent before cards were tracked:
        // the decision then updates it with all the others, as a decision in the console does.
        await moderation.RecordCardAsync(button.AnswerId, message.Chat.Id, message.Id, cancellationToken);
        var approve = button.Action == ButtonData.Approve;
        return await reviewer.DecideAsync(button.AnswerId, approve, userId, cancellationToken) switch
        {
            ReviewOutcome.AlreadyReviewed => BotTexts.AlreadyReviewed,
            ReviewOutcome.Approved => BotTexts.Approved,
            _ => BotTexts.Rejected,
        };
    }
}

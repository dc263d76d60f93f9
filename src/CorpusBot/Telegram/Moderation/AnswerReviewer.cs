using Microsoft.Extensions.Logging;

namespace CorpusBot.Telegram.Moderation;

/// <summary>
/// A moderator's decision on an answer, wherever it is taken (a Telegram button or the web console):
/// recorded once with its audit entry; in the same transaction the answer's review cards are queued to
/// show the decision and, on a reject, its messages to be withdrawn (<see cref="ModerationStore.ReviewAsync"/>);
/// the running bot is woken to make those edits. A button press and the console have the same effect.
/// </summary>
internal sealed class AnswerReviewer(ModerationStore store, IWithdrawalSignal withdrawals, ILogger<AnswerReviewer> logger)
{
    public async Task<ReviewOutcome> DecideAsync(long answerId, bool approve, long moderatorId, CancellationToken cancellationToken)
    {
        if (!await store.ReviewAsync(answerId, approve, moderatorId, cancellationToken))
        {
            return ReviewOutcome.AlreadyReviewed;
        }

        TelegramLog.Reviewed(logger, answerId, approve ? "approved" : "rejected", moderatorId);
        withdrawals.Wake();
        return approve ? ReviewOutcome.Approved : ReviewOutcome.Rejected;
    }
}

internal enum ReviewOutcome
{
    AlreadyReviewed,
    Approved,
    Rejected,
}

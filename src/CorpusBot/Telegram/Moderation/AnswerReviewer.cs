using Microsoft.Extensions.Logging;

namespace CorpusBot.Telegram.Moderation;

/// <summary>
/// A moderator's decision on an answer, wherever it is taken (a Telegram button or the web console):
/// recorded once with its audit entry; a reject queues the answer's messages for withdrawal in the same
/// transaction (<see cref="ModerationStore.ReviewAsync"/>), and the running bot is woken to edit them.
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
        if (approve)
        {
            return ReviewOutcome.Approved;
        }

        withdrawals.Wake();
        return ReviewOutcome.Rejected;
    }
}

internal enum ReviewOutcome
{
    AlreadyReviewed,
    Approved,
    Rejected,
}

using Microsoft.Extensions.Logging;

namespace CorpusBot.Telegram.Moderation;

/// <summary>
/// A moderator's decision on an answer, wherever it is taken (a Telegram button or the web console):
/// recorded once with its audit entry, and on reject the answer is withdrawn in every chat that shows it.
/// </summary>
internal sealed class AnswerReviewer(ModerationStore store, IReplyWithdrawer withdrawer, ILogger<AnswerReviewer> logger)
{
    public async Task<ReviewDecision> DecideAsync(long answerId, bool approve, long moderatorId, CancellationToken cancellationToken)
    {
        if (!await store.ReviewAsync(answerId, approve, moderatorId, cancellationToken))
        {
            return ReviewDecision.AlreadyReviewed;
        }

        TelegramLog.Reviewed(logger, answerId, approve ? "approved" : "rejected", moderatorId);
        if (approve)
        {
            return ReviewDecision.Approved;
        }

        var replies = await store.RepliesOfAsync(answerId, cancellationToken);
        var withdrawn = await withdrawer.WithdrawAsync(replies, cancellationToken);
        return new ReviewDecision(ReviewOutcome.Rejected, replies.Count, withdrawn);
    }
}

internal enum ReviewOutcome
{
    AlreadyReviewed,
    Approved,
    Rejected,
}

/// <summary>What a review did: for a reject, how many of the answer's messages were withdrawn.</summary>
internal sealed record ReviewDecision(ReviewOutcome Outcome, int Messages = 0, int Withdrawn = 0)
{
    public static ReviewDecision AlreadyReviewed { get; } = new(ReviewOutcome.AlreadyReviewed);

    public static ReviewDecision Approved { get; } = new(ReviewOutcome.Approved);
}

namespace CorpusBot.Telegram.Moderation;

/// <summary>Takes a rejected answer back in the chats that show it.</summary>
internal interface IReplyWithdrawer
{
    /// <summary>Returns how many of <paramref name="replies"/> now say the answer was withdrawn.</summary>
    Task<int> WithdrawAsync(IReadOnlyList<ReplyMessage> replies, CancellationToken cancellationToken);
}

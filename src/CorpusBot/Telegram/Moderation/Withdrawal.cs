namespace CorpusBot.Telegram.Moderation;

/// <summary>
/// One message a review decision still owes an edit: the asker's message to be replaced by the
/// withdrawal notice (<see cref="Withdraw"/>), or a review card to show the decision without its
/// buttons (<see cref="Card"/>).
/// </summary>
internal sealed record Withdrawal(long ChatId, int MessageId, long AnswerId, int Attempts, string Kind = Withdrawal.Withdraw)
{
    public const string Withdraw = "withdraw";
    public const string Card = "card";
}

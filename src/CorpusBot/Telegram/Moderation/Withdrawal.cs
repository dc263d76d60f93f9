namespace CorpusBot.Telegram.Moderation;

/// <summary>One message in a user's chat still to be replaced by the withdrawal notice.</summary>
internal sealed record Withdrawal(long ChatId, int MessageId, long AnswerId, int Attempts);

namespace CorpusBot.Telegram.Moderation;

/// <summary>A question the bot refused: where the corpus may be missing something.</summary>
internal sealed record Gap(long AnswerId, DateTimeOffset AskedAt, string Question, string? Reason);

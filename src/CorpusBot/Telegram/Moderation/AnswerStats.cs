namespace CorpusBot.Telegram.Moderation;

/// <summary>What /stats shows.</summary>
internal sealed record AnswerStats(long Answers, long Refused, long Helpful, long NotHelpful, long Reports, long Pending);

using CorpusBot.Core.Answering;

namespace CorpusBot.Telegram.Moderation;

/// <summary>One logged answer as moderators see it.</summary>
internal sealed record ReviewItem(
    long Id,
    DateTimeOffset AskedAt,
    string Question,
    bool Refused,
    string? Reason,
    string AnswerText,
    IReadOnlyList<Citation> Citations,
    bool Reported,
    string ReviewStatus,
    long? ReviewedBy = null);

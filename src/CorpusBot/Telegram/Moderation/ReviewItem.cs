using CorpusBot.Core.Answering;
using CorpusBot.Core.Answering.ShortAnswers;

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
    long? ReviewedBy = null)
{
    /// <summary>Who wrote the answer text: "extractive" (then the text is the quotes again) or "llm".</summary>
    public string Mode { get; init; } = "llm";

    /// <summary>The short answer the asker saw first.</summary>
    public IReadOnlyList<ShortAnswer> ShortAnswers { get; init; } = [];
}

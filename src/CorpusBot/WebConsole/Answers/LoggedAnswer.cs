using CorpusBot.Core.Answering;
using CorpusBot.Core.Answering.ShortAnswers;

namespace CorpusBot.WebConsole.Answers;

/// <summary>One row of the answer log with its feedback counts, as the console shows it.</summary>
internal sealed record LoggedAnswer(
    long Id,
    DateTimeOffset AskedAt,
    string Channel,
    string Question,
    bool Refused,
    string? Reason,
    string Mode,
    string AnswerText,
    IReadOnlyList<Citation> Citations,
    long ElapsedMs,
    string? Notice,
    bool Reported,
    string ReviewStatus,
    long? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    int Helpful,
    int NotHelpful,
    int Reports)
{
    /// <summary>The short answer the asker saw first (none for older rows, why-questions and model answers).</summary>
    public IReadOnlyList<ShortAnswer> ShortAnswers { get; init; } = [];
}

using CorpusBot.Core.Answering;

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
    int Reports);

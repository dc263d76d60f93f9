namespace CorpusBot.Core.Evaluation;

/// <summary>What happened to one case: the outcome, the quotes the bot gave and how many of them verified.</summary>
/// <param name="MatchedAnswer">The accepted answer string found in a quote, if any.</param>
/// <param name="QuotesVerified">Citations that passed a fresh <c>QuoteVerifier</c> check after the answer was given.</param>
public sealed record EvalCaseResult(
    string Id,
    string Category,
    string Question,
    EvalOutcome Outcome,
    bool Refused,
    string? Reason,
    string? MatchedAnswer,
    IReadOnlyList<string> Quotes,
    int QuotesVerified,
    int QuotesTotal,
    double ElapsedMs)
{
    /// <summary>The short answers given (the answer in a few words, cut from the quotes), one per source that shows one.</summary>
    public IReadOnlyList<string> ShortAnswers { get; init; } = [];

    /// <summary>Whether the question asks for a name, number, date or place, the kinds a short answer serves.</summary>
    public bool ShortAnswerServed { get; init; }

    /// <summary>The accepted answer string found in a short answer, if any.</summary>
    public string? ShortAnswerMatched { get; init; }
}

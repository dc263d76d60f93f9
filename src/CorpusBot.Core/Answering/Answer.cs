using CorpusBot.Core.Answering.ShortAnswers;

namespace CorpusBot.Core.Answering;

/// <summary>
/// What the bot says to a question: either an answer, with at least one citation, every one checked by
/// <see cref="QuoteVerifier"/> (<see cref="Answered"/>), or a refusal with its reason and no citations
/// (<see cref="Refusal"/>). <see cref="Elapsed"/> and <see cref="Notice"/> are set with <c>with</c>.
/// </summary>
public sealed record Answer
{
    private Answer(string question, RefusalReason? reason, string text, IReadOnlyList<Citation> citations, AnswerMode mode)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(text);
        Question = question;
        Reason = reason;
        Text = text;
        Citations = citations;
        Mode = mode;
    }

    public string Question { get; }

    public bool Refused => Reason is not null;

    /// <summary>Why it was refused; null for an answer.</summary>
    public RefusalReason? Reason { get; }

    /// <summary>The answer text with [n] markers, or the refusal message.</summary>
    public string Text { get; }

    /// <summary>The verified quotes (init so that <see cref="CitationSources"/> can describe their sources).</summary>
    public IReadOnlyList<Citation> Citations { get; init; }

    public AnswerMode Mode { get; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>A note to the user, e.g. that the model was unavailable and only quotes are shown.</summary>
    public string? Notice { get; init; }

    /// <summary>For refusals: ids of the closest documents, as places to look.</summary>
    public IReadOnlyList<string>? SuggestedDocuments { get; init; }

    /// <summary>
    /// The answer in a few words, cut out of the quotes (<see cref="ShortAnswerFinder"/>): one per quote that shows it,
    /// empty for why/how questions, refusals and language-model answers. Set only through <see cref="WithShortAnswers"/>.
    /// </summary>
    public IReadOnlyList<ShortAnswer> ShortAnswers { get; private init; } = [];

    /// <summary>For refusals: the closest documents with their titles, as <see cref="SuggestedDocuments"/> names them.</summary>
    public IReadOnlyList<SuggestedSource> SuggestedSources { get; init; } = [];

    /// <summary>
    /// This answer with <paramref name="shortAnswers"/>, each checked to be exactly the text of its citation's verified quote
    /// at its offsets — a short answer is a quote too, and is held to the same rule.
    /// </summary>
    public Answer WithShortAnswers(IReadOnlyList<ShortAnswer> shortAnswers)
    {
        ArgumentNullException.ThrowIfNull(shortAnswers);
        foreach (var s in shortAnswers)
        {
            if (s.Citation < 0 || s.Citation >= Citations.Count || !s.IsInside(Citations[s.Citation]))
            {
                throw new ArgumentException($"Short answer “{s.Text}” ({s.Start}–{s.End}) is not inside the quote of citation {s.Citation}.", nameof(shortAnswers));
            }
        }

        return this with { ShortAnswers = shortAnswers };
    }

    /// <summary>An answer: <paramref name="text"/> cites <paramref name="citations"/>, which must not be empty.</summary>
    public static Answer Answered(string question, string text, IReadOnlyList<Citation> citations, AnswerMode mode, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(citations);
        if (citations.Count == 0)
        {
            throw new ArgumentException("An answer needs at least one citation; with none it is a refusal.", nameof(citations));
        }

        return new Answer(question, null, text, citations, mode) { Notice = notice };
    }

    /// <summary>A refusal: <paramref name="message"/> is what the user is told.</summary>
    public static Answer Refusal(
        string question, RefusalReason reason, string message, AnswerMode mode, IReadOnlyList<string>? suggestedDocuments = null) =>
        new(question, reason, message, [], mode) { SuggestedDocuments = suggestedDocuments is { Count: > 0 } ? suggestedDocuments : null };
}

namespace CorpusBot.Core.Answering.Reader;

/// <summary>
/// What the reader may quote: one sentence, or two neighbouring sentences of one document quoted as one span
/// (the sentence that matches the question and the one beside it that holds the answer).
/// </summary>
/// <param name="Fit">Meaning: the best sentence's similarity to the question, scaled to 0..1.</param>
/// <param name="Coverage">Words: rarity-weighted share of the question's key terms that the unit holds.</param>
/// <param name="Cue">Whether it shows what the question type asks for (a name, number, date, place, cause).</param>
/// <param name="Score">The blend the reader ranks by.</param>
public sealed record QuoteUnit(
    IReadOnlyList<ReaderSentence> Sentences,
    IReadOnlySet<string> CoveredStems,
    double Fit,
    double Coverage,
    bool Cue,
    int NewWords,
    double Score)
{
    /// <summary>Relevance (meaning and words blended) of the most relevant sentence that shows the cue; -1 when none does.</summary>
    public double CueFit { get; init; } = -1;

    /// <summary>Whether a sentence holds the question's focus word, literally or in other words (see <see cref="QuestionFocus"/>).</summary>
    public bool HoldsFocus { get; init; } = true;

    /// <summary>Whether a sentence gives a how-many question's number for the very thing it counts ("250 beds").</summary>
    public bool CountsAskedThing { get; init; }

    public ReaderSentence First => Sentences[0];

    public ReaderSentence Last => Sentences[^1];

    public string DocumentId => First.DocumentId;

    public int Start => First.Start;

    public int End => Last.End;

    public bool Overlaps(QuoteUnit other) =>
        other.DocumentId == DocumentId && other.Start < End && Start < other.End;
}

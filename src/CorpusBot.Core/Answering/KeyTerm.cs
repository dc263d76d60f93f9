namespace CorpusBot.Core.Answering;

/// <summary>A term of the question that an answer must cover.</summary>
/// <param name="Stem">The stemmed, lower-case form matched against sentence words.</param>
/// <param name="IsName">A capitalised word in the question (a person, place or organisation).</param>
/// <param name="IsNumber">A number: it must appear as is.</param>
/// <param name="Weight">Importance: rarer terms in the corpus weigh more; names and numbers more still.</param>
/// <param name="InCorpus">Whether any indexed passage contains the term at all.</param>
/// <param name="MustCover">A number or a distinctive name: an answer whose quotes lack it answers another question.</param>
public sealed record KeyTerm(string Stem, bool IsName, bool IsNumber, double Weight, bool InCorpus, bool MustCover)
{
    /// <summary>The word as the question wrote it (lower-cased), which the paraphrase check embeds; the stem by default.</summary>
    public string Word { get; init; } = Stem;

    /// <summary>Whether a word of close meaning may stand for it ("injured" for "wounded"); names and numbers must appear as they are.</summary>
    public bool MayBeParaphrased => !IsName && !IsNumber;
}

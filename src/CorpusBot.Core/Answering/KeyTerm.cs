namespace CorpusBot.Core.Answering;

/// <summary>A term of the question that an answer must cover.</summary>
/// <param name="Stem">The stemmed, lower-case form matched against sentence words.</param>
/// <param name="IsName">A capitalised word in the question (a person, place or organisation).</param>
/// <param name="IsNumber">A number: it must appear as is.</param>
/// <param name="Weight">Importance: rarer terms in the corpus weigh more; names and numbers more still.</param>
/// <param name="InCorpus">Whether any indexed passage contains the term at all.</param>
/// <param name="MustCover">A number or a distinctive name: an answer whose quotes lack it answers another question.</param>
public sealed record KeyTerm(string Stem, bool IsName, bool IsNumber, double Weight, bool InCorpus, bool MustCover);

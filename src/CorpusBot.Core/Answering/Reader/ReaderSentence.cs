namespace CorpusBot.Core.Answering.Reader;

/// <summary>
/// A sentence the reader may quote: a sentence of a retrieved passage, or the sentence just before or after one
/// (an answer often sits beside the sentence that matches the question). Offsets are in the stored document.
/// </summary>
/// <param name="Index">Position of the sentence in its document, so neighbours can be joined into one quote.</param>
/// <param name="PassageRank">Rank of the best retrieved passage it belongs to or borders (0 = best).</param>
/// <param name="Retrieved">True when it is inside a retrieved passage, false when it is only a neighbour.</param>
public sealed record ReaderSentence(
    string DocumentId,
    string Title,
    string? Url,
    int Index,
    int Start,
    int End,
    string Text,
    int PassageRank,
    bool Retrieved);

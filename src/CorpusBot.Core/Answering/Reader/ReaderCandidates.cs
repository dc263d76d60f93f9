namespace CorpusBot.Core.Answering.Reader;

/// <summary>The sentences the reader chooses from, best passage first, with the text of each document they come from.</summary>
public sealed record ReaderCandidates(IReadOnlyList<ReaderSentence> Sentences, IReadOnlyDictionary<string, string> DocumentTexts);

using CorpusBot.Core.Retrieval;

namespace CorpusBot.Core.Answering;

/// <summary>A sentence of a retrieved passage, placed in its document, with what it covers of the question.</summary>
public sealed record CandidateSentence(
    Passage Passage,
    int PassageRank,
    int Start,
    int End,
    string Text,
    IReadOnlySet<string> CoveredStems,
    double Coverage,
    bool HasCue,
    int NewWords,
    double Score);

namespace CorpusBot.Core.Evaluation;

/// <summary>The two RGB protocols of shared/bench/README.md.</summary>
public enum RgbProtocol
{
    /// <summary>Corpus = every positive and negative snippet; every question should be answered right.</summary>
    Answering,

    /// <summary>Corpus = the negative snippets only; every question should be refused.</summary>
    Rejection,
}

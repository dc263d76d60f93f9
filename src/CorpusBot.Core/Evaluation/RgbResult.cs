namespace CorpusBot.Core.Evaluation;

/// <summary>One RGB protocol run: the corpus it built and the scored report.</summary>
/// <param name="Documents">Snippets stored as documents (one per snippet).</param>
/// <param name="RejectedDocuments">Snippets the ingestor refused (e.g. no sentences).</param>
public sealed record RgbResult(
    RgbProtocol Protocol,
    int Documents,
    int RejectedDocuments,
    double IngestSeconds,
    EvalReport Report)
{
    /// <summary>Whether the questions were asked over one corpus of all snippets or each over its own.</summary>
    public RgbCorpus Corpus { get; init; } = RgbCorpus.Pooled;

    /// <summary>Protocol 1: questions answered right with a verbatim quote holding the answer.</summary>
    public double Accuracy => Report.Totals.AnswerAccuracy;

    /// <summary>Protocol 1: questions refused although the corpus holds the answer.</summary>
    public double FalseRefusalRate => Report.Totals.FalseRefusalRate;

    /// <summary>Protocol 2: questions refused when only negative snippets are stored.</summary>
    public double RejectionRate => Report.Totals.RefusalRate;
}

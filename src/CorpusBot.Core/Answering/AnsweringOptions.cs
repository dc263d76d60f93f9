using System.ComponentModel.DataAnnotations;

namespace CorpusBot.Core.Answering;

/// <summary>How answers are built and when the bot refuses. Section "Answering".</summary>
public sealed class AnsweringOptions
{
    public const string SectionName = "Answering";

    [Range(1, 10, ErrorMessage = "Answering:MaxQuotes must be between 1 and 10.")]
    public int MaxQuotes { get; set; } = 3;

    [Required(ErrorMessage = "Answering:RefusalMessage must not be empty.")]
    [MinLength(1, ErrorMessage = "Answering:RefusalMessage must not be empty.")]
    public string RefusalMessage { get; set; } = "I can't answer that from the sources I have.";

    /// <summary>
    /// Passages retrieved per question before sentences are picked. In a corpus of many stories on one subject (RGB's
    /// pooled snippets) the passage that answers can rank 9th or 10th by fusion, behind near-misses that share more of
    /// the question's words: 10–16 answer the same (docs/EVALUATION.md), and 10 costs least, as every passage adds
    /// reader time (12: +20 % CPU a question on the topical benchmark). Keep <see cref="SemanticCandidates"/> at three
    /// sentences a passage, or the extra passages crowd out sentences that were read before.
    /// </summary>
    [Range(1, 50, ErrorMessage = "Answering:TopK must be between 1 and 50.")]
    public int TopK { get; set; } = 10;

    /// <summary>Longest question accepted, in characters; longer ones are refused before any search or model call.</summary>
    [Range(10, 10_000, ErrorMessage = "Answering:MaxQuestionChars must be between 10 and 10000.")]
    public int MaxQuestionChars { get; set; } = 1000;

    /// <summary>Share of the question's key terms (names, numbers, topic words) that the quoted sentences must cover.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Answering:MinCoverage must be between 0 and 1.")]
    public double MinCoverage { get; set; } = 0.8;

    /// <summary>Least score (meaning and words blended) a quote needs at all.</summary>
    [Range(0.0, 10.0, ErrorMessage = "Answering:MinSentenceScore must be between 0 and 10.")]
    public double MinSentenceScore { get; set; } = 0.5;

    /// <summary>A quote that covers less than <see cref="MinCoverage"/> of the key terms needs at least this fit in meaning (0..1).</summary>
    [Range(0.0, 1.0, ErrorMessage = "Answering:MinSemanticFit must be between 0 and 1.")]
    public double MinSemanticFit { get; set; } = 0.5;

    /// <summary>Share of meaning (the rest is words) in a quote's score.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Answering:SemanticWeight must be between 0 and 1.")]
    public double SemanticWeight { get; set; } = 0.5;

    /// <summary>Cosine similarity of question and sentence that counts as no fit at all (fit 0).</summary>
    [Range(-1.0, 1.0, ErrorMessage = "Answering:SemanticFloor must be between -1 and 1.")]
    public double SemanticFloor { get; set; } = 0.65;

    /// <summary>Cosine similarity of question and sentence that counts as a full fit (fit 1).</summary>
    [Range(-1.0, 1.0, ErrorMessage = "Answering:SemanticCeiling must be between -1 and 1.")]
    public double SemanticCeiling { get; set; } = 0.85;

    /// <summary>
    /// Most sentences embedded per question (the cost of the reader; their vectors are cached): three for each of the
    /// <see cref="TopK"/> passages.
    /// </summary>
    [Range(0, 200, ErrorMessage = "Answering:SemanticCandidates must be between 0 and 200.")]
    public int SemanticCandidates { get; set; } = 30;
}

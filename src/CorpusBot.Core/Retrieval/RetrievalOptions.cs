using System.ComponentModel.DataAnnotations;

namespace CorpusBot.Core.Retrieval;

/// <summary>How lexical and vector search are combined. Section "Retrieval".</summary>
public sealed class RetrievalOptions
{
    public const string SectionName = "Retrieval";

    /// <summary>Candidates taken from each of the two searches before fusion.</summary>
    [Range(5, 1000, ErrorMessage = "Retrieval:CandidatesPerSearch must be between 5 and 1000.")]
    public int CandidatesPerSearch { get; set; } = 40;

    /// <summary>
    /// Postings the keyword query may read in full: the question's rarest words are matched while their postings fit,
    /// the more common ones only re-rank those matches (see <see cref="FtsQuery.Plan"/>). Bounds a question's keyword
    /// cost on a corpus where the subject's words are in most passages; a small corpus never reaches it.
    /// </summary>
    [Range(100, 10_000_000, ErrorMessage = "Retrieval:KeywordPostingBudget must be between 100 and 10000000.")]
    public int KeywordPostingBudget { get; set; } = 2000;

    /// <summary>
    /// When even the question's rarest word (in the corpus's vocabulary) is in more passages than this, the question
    /// gets no keyword search, only the vector search: reading and ranking all those postings cost 50–90 ms a question
    /// at 737k passages ("capital", "home": docs/BENCHMARKS.md) for a word that singles out nothing. A corpus of fewer
    /// passages than this never reaches it.
    /// </summary>
    [Range(100, int.MaxValue, ErrorMessage = "Retrieval:KeywordMaxPostings must be 100 or more.")]
    public int KeywordMaxPostings { get; set; } = 20_000;

    /// <summary>The k of reciprocal rank fusion: 1/(k + rank). 60 is the usual choice.</summary>
    [Range(1, 1000, ErrorMessage = "Retrieval:RrfK must be between 1 and 1000.")]
    public int RrfK { get; set; } = 60;

    /// <summary>Passages whose word shingles overlap at least this much are one passage (seed 003 repeats itself).</summary>
    [Range(0.1, 1.0, ErrorMessage = "Retrieval:DuplicateSimilarity must be between 0.1 and 1.")]
    public double DuplicateSimilarity { get; set; } = 0.8;
}

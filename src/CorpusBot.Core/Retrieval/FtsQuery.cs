using CorpusBot.Core.Text;

namespace CorpusBot.Core.Retrieval;

/// <summary>
/// Turns a question into an FTS5 MATCH expression. Every term is quoted, so FTS5 syntax in user text (AND, NEAR, *,
/// quotes) is never interpreted.
/// <para>
/// <see cref="Build(string)"/> is the plain form: the question's content words, each as a quoted prefix of its stem
/// ("soldier"* matches soldiers), OR-ed so BM25 ranks by how many and how rare. Its cost is every posting of every
/// term, which on a corpus about one subject ("Russian" in most passages) grows with the corpus.
/// </para>
/// <para>
/// <see cref="Plan"/> bounds that cost by what the question needs: stems are taken rarest first while their postings
/// fit <c>postingBudget</c> (at least one stem is always taken); the rest, the corpus's common words, only re-rank:
/// <c>(rare) AND (rare OR common)</c> matches the passages that hold a rare word and lets BM25 count the common ones,
/// which FTS5 checks by seeking in their postings rather than reading them all (the
/// <see cref="MaxRerankStems"/> rarest of them; the commonest tell passages apart least). Each stem is spelled as its exact
/// inflections from the vocabulary ("soldier" OR "soldiers"), not a prefix that would merge every word it begins.
/// When all the question's postings fit the budget, the plain form is used unchanged.
/// </para>
/// </summary>
public static class FtsQuery
{
    /// <summary>
    /// Common stems that re-rank the rare matches, rarest first: each costs a seek and a BM25 term per match, and
    /// the commonest ("Russian" in two passages of three) tell the matches apart least.
    /// </summary>
    public const int MaxRerankStems = 4;

    public static string? Build(string question) => Build(Stems(question));

    /// <summary>The distinct stems of the question's content words, in question order.</summary>
    public static List<string> Stems(string question) =>
        Tokenizer.ContentWords(question).Select(w => Tokenizer.Stem(w)).Distinct(StringComparer.Ordinal).ToList();

    /// <param name="maxPostings">
    /// When even the rarest known stem has more postings than this, there is no keyword query (null): its postings
    /// would all be read and ranked for a word that tells passages apart too little to be worth it (an off-topic
    /// question's one known word on a large corpus). Only corpora far beyond the budget reach it.
    /// </param>
    public static string? Plan(IReadOnlyList<string> stems, IReadOnlyDictionary<string, StemInfo> vocabulary, long postingBudget, long maxPostings = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(stems);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var known = stems.Select(s => vocabulary.GetValueOrDefault(s)).OfType<StemInfo>().ToList();
        if (known.Sum(i => i.PrefixFrequency) <= postingBudget)
        {
            return Build(stems);
        }

        var rarestFirst = known.Where(i => i.Inflections.Count > 0).OrderBy(i => i.Postings).ThenBy(i => i.Stem, StringComparer.Ordinal).ToList();
        if (rarestFirst.Count > 0 && rarestFirst[0].Postings > maxPostings)
        {
            return null;
        }

        var rare = new List<StemInfo>();
        long postings = 0;
        foreach (var info in rarestFirst)
        {
            if (rare.Count > 0 && postings + info.Postings > postingBudget)
            {
                break;
            }

            rare.Add(info);
            postings += info.Postings;
        }

        if (rare.Count == 0)
        {
            return null;
        }

        var common = rarestFirst.Skip(rare.Count).Take(MaxRerankStems).ToList();
        var rareTerms = Or(rare.SelectMany(i => i.Inflections.Select(t => t.Term)));
        return common.Count == 0
            ? rareTerms
            : $"({rareTerms}) AND ({rareTerms} OR {Or(common.SelectMany(i => i.Inflections.Select(t => t.Term)))})";
    }

    private static string? Build(IReadOnlyList<string> stems) =>
        stems.Count == 0 ? null : string.Join(" OR ", stems.Select(stem => stem.Length >= 4 ? $"{Quote(stem)}*" : Quote(stem)));

    private static string Or(IEnumerable<string> terms) => string.Join(" OR ", terms.Select(Quote));

    private static string Quote(string term) => $"\"{term.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}

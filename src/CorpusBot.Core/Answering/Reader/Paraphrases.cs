using System.Numerics.Tensors;
using CorpusBot.Core.Text;

namespace CorpusBot.Core.Answering.Reader;

/// <summary>
/// Paraphrase credit for the question's key terms: a sentence that says "wounded soldiers" holds the question's
/// "injured troops" though it shares no word with it. Each key term the sentence lacks is compared, by the corpus's
/// embedding model, with each content word of the sentence.
/// Raw cosine between single words is a poor judge: common words ("sign", "returned", "general", "later") sit at
/// 0.95–0.98 to almost everything (hubness), higher than true synonyms (injured/wounded 0.926). So similarity is
/// judged as cross-domain similarity local scaling (CSLS, Conneau et al. 2018): 2·cos(t, w) − r(t) − r(w), where
/// r(x) is x's mean cosine to its ten nearest words of an everyday lexicon (<see cref="EverydayLexicon"/>). Measured on
/// arctic-embed-xs (int8): synonyms score 0.06–0.19 (injured/wounded 0.087, troops/soldiers 0.141, died/killed 0.068,
/// staff/personnel 0.064), related but different words 0.00–0.05 (hospital/patients 0.042, cared/treated 0.025,
/// died/suffered 0.008) and hubs at most 0.012 (sign/continue −0.013, two/second 0.012). The credit rises from 0 at
/// <see cref="NoCredit"/> to 1 at <see cref="FullCredit"/>.
/// Names and numbers are never paraphrased: "Minsk" is not "Mazyr", 900 is not 9,000.
/// </summary>
public static class Paraphrases
{
    public const double NoCredit = 0.04;

    public const double FullCredit = 0.08;

    /// <summary>
    /// For each sentence, the credit (0..1) of every key term: 1 where it is held literally (<paramref name="literal"/>),
    /// the paraphrase credit where a word of close meaning stands for it.
    /// </summary>
    /// <param name="read">Which sentences to look for paraphrases in (all when null); the others get literal credit only.</param>
    public static async Task<List<Dictionary<string, double>>> CreditsAsync(
        QuestionProfile profile, IReadOnlyList<string> sentences, IReadOnlyList<HashSet<string>> literal, SemanticFit semantics, CancellationToken cancellationToken,
        IReadOnlyList<bool>? read = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(literal);
        ArgumentNullException.ThrowIfNull(semantics);
        var credits = literal.Select(l => l.ToDictionary(s => s, _ => 1.0, StringComparer.Ordinal)).ToList();
        var paraphrasable = profile.KeyTerms.Where(t => t.MayBeParaphrased).ToList();
        if (!semantics.IsSemantic || paraphrasable.Count == 0 || sentences.Count == 0)
        {
            return credits;
        }

        // Sentences the caller will not quote (read[s] false) keep their literal credit only.
        var wordsOf = sentences
            .Select((s, i) => read is null || read[i] ? WordsOf(s) : [])
            .ToList();
        var vocabulary = wordsOf.SelectMany(w => w).Distinct(StringComparer.Ordinal).ToList();
        var termWords = paraphrasable.Select(t => t.Word).Distinct(StringComparer.Ordinal).ToList();
        var vectors = await semantics.VectorsAsync([.. vocabulary, .. termWords], cancellationToken);
        var hubness = await semantics.HubnessAsync([.. vocabulary, .. termWords], cancellationToken);

        foreach (var term in paraphrasable)
        {
            var termIndex = vocabulary.Count + termWords.IndexOf(term.Word);
            var scoreOf = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var i = 0; i < vocabulary.Count; i++)
            {
                if (SameWord(term.Stem, vocabulary[i]))
                {
                    continue;
                }

                scoreOf[vocabulary[i]] = Credit(vectors, hubness, termIndex, i);
            }

            for (var s = 0; s < sentences.Count; s++)
            {
                if (literal[s].Contains(term.Stem))
                {
                    continue;
                }

                var credit = wordsOf[s].Select(w => scoreOf.GetValueOrDefault(w)).DefaultIfEmpty(0).Max();
                if (credit > 0)
                {
                    credits[s][term.Stem] = credit;
                }
            }
        }

        return credits;
    }

    /// <summary>
    /// The stems of the words of <paramref name="text"/> that stand for one of <paramref name="words"/> (credit of at least
    /// a half by the measure above): for "how many injured troops", "wounded" and "soldiers" in "nearly 900 wounded Russian
    /// soldiers". Empty without a semantic model.
    /// </summary>
    public static async Task<HashSet<string>> StandInsAsync(
        IReadOnlyList<string> words, string text, SemanticFit semantics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(semantics);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var vocabulary = WordsOf(text);
        if (!semantics.IsSemantic || words.Count == 0 || vocabulary.Count == 0)
        {
            return found;
        }

        var vectors = await semantics.VectorsAsync([.. vocabulary, .. words], cancellationToken);
        var hubness = await semantics.HubnessAsync([.. vocabulary, .. words], cancellationToken);
        for (var t = 0; t < words.Count; t++)
        {
            var term = vocabulary.Count + t;
            for (var i = 0; i < vocabulary.Count; i++)
            {
                if (Credit(vectors, hubness, term, i) >= 0.5)
                {
                    found.Add(Tokenizer.Stem(vocabulary[i]));
                }
            }
        }

        return found;
    }

    /// <summary>Rarity-weighted share of the key terms held, literally or by paraphrase.</summary>
    public static double Share(QuestionProfile profile, IReadOnlyDictionary<string, double> credits)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(credits);
        return profile.TotalWeight <= 0 ? 0 : profile.KeyTerms.Sum(t => t.Weight * credits.GetValueOrDefault(t.Stem)) / profile.TotalWeight;
    }

    private static bool SameWord(string stem, string word) => Tokenizer.Stem(word) == stem;

    /// <summary>The words of a text that may stand for a key term: its content words, numbers aside.</summary>
    private static List<string> WordsOf(string text) => Tokenizer.ContentWords(text).Where(w => !char.IsDigit(w[0])).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Credit of word <paramref name="b"/> for word <paramref name="a"/>: their cosine, locally scaled (CSLS, above).</summary>
    private static double Credit(float[][] vectors, double[] hubness, int a, int b)
    {
        var csls = (2 * TensorPrimitives.CosineSimilarity(vectors[a], vectors[b])) - hubness[a] - hubness[b];
        return Math.Clamp((csls - NoCredit) / (FullCredit - NoCredit), 0, 1);
    }
}

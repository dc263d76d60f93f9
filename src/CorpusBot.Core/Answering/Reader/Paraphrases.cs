using System.Numerics.Tensors;
using CorpusBot.Core.Text;

namespace CorpusBot.Core.Answering.Reader;

/// <summary>
/// Paraphrase credit for the question's key terms: a sentence that says "wounded soldiers" holds the question's
/// "injured troops" though it shares no word with it. Each key term the sentence lacks is compared, by the corpus's
/// embedding model, with each content word of the sentence.
/// Raw cosine between single words is a poor judge: common words ("sign", "returned", "general", "later") sit at
/// 0.95–0.98 to almost everything (hubness), higher than true synonyms (injured/wounded 0.925). So similarity is
/// judged as cross-domain similarity local scaling (CSLS, Conneau et al. 2018): 2·cos(t, w) − r(t) − r(w), where
/// r(x) is x's mean cosine to its ten nearest words in the candidate vocabulary. Measured on arctic-embed-xs over
/// the seeds: synonyms score 0.05–0.11 (injured/wounded 0.071, troops/soldiers 0.097, staff/personnel 0.048), hubs
/// and related-but-different words −0.03–0.03 (sign/continue −0.009, died/suffered 0.010, hospital/medical −0.007).
/// The credit rises from 0 at <see cref="NoCredit"/> to 1 at <see cref="FullCredit"/>.
/// Names and numbers are never paraphrased: "Minsk" is not "Mazyr", 900 is not 9,000.
/// </summary>
public static class Paraphrases
{
    public const double NoCredit = 0.03;

    public const double FullCredit = 0.06;

    /// <summary>Words below this raw cosine to a term cannot reach <see cref="NoCredit"/> on this model; skipping them saves the hubness work.</summary>
    private const double MinCosine = 0.88;

    private const int Neighbours = 10;

    /// <summary>
    /// For each sentence, the credit (0..1) of every key term: 1 where it is held literally (<paramref name="literal"/>),
    /// the paraphrase credit where a word of close meaning stands for it.
    /// </summary>
    public static async Task<List<Dictionary<string, double>>> CreditsAsync(
        QuestionProfile profile, IReadOnlyList<string> sentences, IReadOnlyList<HashSet<string>> literal, SemanticFit semantics, CancellationToken cancellationToken)
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

        var wordsOf = sentences.Select(s => Tokenizer.ContentWords(s).Where(w => !char.IsDigit(w[0])).Distinct(StringComparer.Ordinal).ToList()).ToList();
        var vocabulary = wordsOf.SelectMany(w => w).Distinct(StringComparer.Ordinal).ToList();
        // Hubness is measured against the candidates' words and a fixed lexicon of everyday English, so that it does
        // not swing with how few sentences a question happens to bring.
        var background = EverydayWords.Where(w => !vocabulary.Contains(w)).ToList();
        var neighbourhood = vocabulary.Count + background.Count;
        var termWords = paraphrasable.Select(t => t.Word).Distinct(StringComparer.Ordinal).ToList();
        var vectors = await semantics.VectorsAsync([.. vocabulary, .. background, .. termWords], cancellationToken);
        var wordVectors = vectors.Take(neighbourhood).ToArray();
        var wordOf = vocabulary.Concat(background).ToList();
        var hubness = new Dictionary<string, double>(StringComparer.Ordinal);

        foreach (var term in paraphrasable)
        {
            var termVector = vectors[neighbourhood + termWords.IndexOf(term.Word)];
            var cosines = wordVectors.Select(v => (double)TensorPrimitives.CosineSimilarity(termVector, v)).ToArray();
            var termHubness = MeanOfNearest(cosines, i => SameWord(term.Stem, wordOf[i]));
            var scoreOf = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var i = 0; i < vocabulary.Count; i++)
            {
                if (cosines[i] < MinCosine || SameWord(term.Stem, vocabulary[i]))
                {
                    continue;
                }

                var word = vocabulary[i];
                if (!hubness.TryGetValue(word, out var wordHubness))
                {
                    var own = wordVectors[i];
                    var toOthers = wordVectors.Select(v => (double)TensorPrimitives.CosineSimilarity(own, v)).ToArray();
                    wordHubness = MeanOfNearest(toOthers, k => k == i);
                    hubness[word] = wordHubness;
                }

                scoreOf[word] = Credit((2 * cosines[i]) - termHubness - wordHubness);
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

    /// <summary>Rarity-weighted share of the key terms held, literally or by paraphrase.</summary>
    public static double Share(QuestionProfile profile, IReadOnlyDictionary<string, double> credits)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(credits);
        return profile.TotalWeight <= 0 ? 0 : profile.KeyTerms.Sum(t => t.Weight * credits.GetValueOrDefault(t.Stem)) / profile.TotalWeight;
    }

    private static bool SameWord(string stem, string word) => Tokenizer.Stem(word) == stem;

    private static double MeanOfNearest(double[] cosines, Func<int, bool> skip) =>
        Enumerable.Range(0, cosines.Length).Where(i => !skip(i)).Select(i => cosines[i]).OrderDescending().Take(Neighbours).DefaultIfEmpty(0).Average();

    private static double Credit(double csls) => Math.Clamp((csls - NoCredit) / (FullCredit - NoCredit), 0, 1);

    /// <summary>A sample of everyday English nouns, verbs and adjectives: the background against which a word's hubness is judged.</summary>
    private static readonly string[] EverydayWords =
    [
        "able", "add", "agree", "air", "allow", "appear", "area", "army", "art", "ask", "back", "bad",
        "begin", "believe", "best", "better", "big", "body", "book", "border", "break", "bring", "build", "business",
        "buy", "call", "car", "carry", "case", "catch", "cause", "certain", "change", "child", "choose", "church",
        "city", "clear", "come", "community", "company", "consider", "continue", "country", "court", "cover", "create", "cut",
        "day", "decide", "develop", "die", "different", "doctor", "door", "draw", "early", "eat", "education", "end",
        "event", "expect", "explain", "eye", "face", "fact", "fall", "family", "father", "feel", "few", "field",
        "find", "first", "follow", "force", "free", "friend", "full", "game", "general", "get", "girl", "give",
        "go", "good", "government", "great", "group", "grow", "guy", "hand", "happen", "hard", "head", "health",
        "hear", "help", "high", "history", "hit", "hold", "home", "hope", "hospital", "hour", "house", "human",
        "idea", "important", "include", "information", "issue", "job", "keep", "kid", "kill", "kind", "know", "large",
        "last", "late", "later", "law", "lead", "leader", "learn", "leave", "let", "level", "life", "like",
        "line", "little", "live", "local", "long", "look", "lose", "lot", "love", "main", "major", "make",
        "man", "market", "meet", "member", "minute", "moment", "money", "month", "morning", "mother", "move", "name",
        "national", "new", "news", "next", "night", "number", "offer", "office", "old", "open", "other", "own",
        "parent", "part", "party", "pass", "pay", "people", "person", "place", "plan", "play", "point", "police",
        "political", "possible", "power", "president", "price", "problem", "produce", "program", "provide", "public", "question", "raise",
        "rate", "reach", "read", "real", "reason", "receive", "remain", "remember", "report", "require", "research", "result",
        "return", "right", "road", "room", "run", "same", "say", "school", "see", "seem", "sell", "send",
        "serve", "service", "set", "show", "side", "sit", "small", "social", "soldier", "speak", "spend", "stand",
        "state", "stay", "stop", "story", "street", "strong", "student", "study", "suggest", "support", "sure", "system",
        "take", "teacher", "team", "tell", "thing", "think", "time", "town", "try", "understand", "use", "wait",
        "walk", "want", "war", "watch", "water", "way", "week", "whole", "win", "woman", "word", "work",
        "world", "write", "year", "young",
    ];
}

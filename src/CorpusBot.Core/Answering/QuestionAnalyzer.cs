using System.Text.RegularExpressions;
using CorpusBot.Core.Retrieval;
using CorpusBot.Core.Text;

namespace CorpusBot.Core.Answering;

/// <summary>Finds a question's type and its key terms, weighted by how rare they are in the corpus.</summary>
public sealed partial class QuestionAnalyzer(TermStatistics statistics)
{
    /// <summary>Words that talk about the corpus rather than the topic ("what does the article say").</summary>
    private static readonly HashSet<string> MetaWords = new(StringComparer.Ordinal)
    {
        "article", "articles", "source", "sources", "document", "documents", "report", "reports", "reported", "text",
        "mention", "mentioned", "mentions", "state", "stated", "claim", "claims", "describe", "described", "explain",
        "name", "named", "number", "happen", "happened", "give", "given", "corpus", "write", "written",
    };

    private const double UnknownWordFactor = 0.5;
    private const double DistinctiveNameIdf = 2.0;

    public async Task<QuestionProfile> AnalyzeAsync(string question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var names = NameWords(question);
        var words = Tokenizer.ContentWords(question).Where(w => !MetaWords.Contains(w)).ToList();
        var stems = words.Select(w => StemOf(w, names)).Distinct(StringComparer.Ordinal).ToList();
        var (total, frequency) = await statistics.GetAsync(stems, cancellationToken);

        var terms = new List<KeyTerm>();
        foreach (var word in words.DistinctBy(w => StemOf(w, names)))
        {
            var stem = StemOf(word, names);
            var df = frequency.GetValueOrDefault(stem);
            var isNumber = char.IsDigit(word[0]);
            var isName = names.Contains(word);
            // Smoothed IDF, floored so very common topic words still count a little.
            var idf = Math.Max(0.2, Math.Log((total + 1.0) / (df + 0.5)));
            // A common word the corpus never uses is most likely the asker's paraphrase ("roughly",
            // "leaked"), so it counts for less; an unknown name or number is handled by the answerer.
            var weight = idf * (isName || isNumber ? 1.5 : df == 0 ? UnknownWordFactor : 1.0);
            // Names found in more than ~13% of passages (Belarus, Russia) are the corpus's topic, not a
            // specific the answer must contain; rarer names (Minsk, Putin, Hajun) must be covered.
            // An ordinal picks out one of a series ("the third meeting", "season two's second episode"): like a number, the
            // answer must hold it, or it tells of another of the series.
            var mustCover = isNumber || SeriesOrdinals.Contains(word) || (isName && idf >= DistinctiveNameIdf);
            terms.Add(new KeyTerm(stem, isName, isNumber, weight, df > 0, mustCover) { Word = word });
        }

        // A focus word must be a key term to be checked; a meta word ("reported") is not one.
        var focus = QuestionFocus.Of(question).Where(f => terms.Exists(t => t.Stem == Tokenizer.Stem(f))).ToList();
        return new QuestionProfile(question, TypeOf(question), terms) { Focus = focus, NamePhrases = NamePhrases(question, names, terms), Platform = PlatformOf(question, names) };
    }

    /// <summary>The stems of the name a question ends on after "on": "… on Nintendo Switch?" → nintendo, switch.</summary>
    private static List<string> PlatformOf(string question, HashSet<string> names) =>
        TrailingOnName().Match(question) is { Success: true } m
            ? Tokenizer.ContentWords(m.Groups["name"].Value).Where(names.Contains).Select(w => StemOf(w, names)).ToList()
            : [];

    /// <summary>
    /// The question's names of two or more distinctive words, each as its stems in order: "The Legend of Zelda: Breath
    /// of the Wild" → legend, zelda, breath, wild. Words joined by "of", "the" or a colon are one name; a preposition
    /// such as "on" or "in" starts another ("Super Mario Odyssey" and "Nintendo Switch").
    /// </summary>
    private static List<IReadOnlyList<string>> NamePhrases(string question, HashSet<string> names, List<KeyTerm> terms)
    {
        var phrases = new List<IReadOnlyList<string>>();
        foreach (Match m in NameRun().Matches(question))
        {
            var stems = Tokenizer.ContentWords(m.Value).Where(names.Contains).Select(w => StemOf(w, names))
                .Where(s => terms.Exists(t => t.Stem == s && t.MustCover)).Distinct(StringComparer.Ordinal).ToList();
            if (stems.Count >= 2)
            {
                phrases.Add(stems);
            }
        }

        return phrases;
    }

    /// <summary>
    /// A name keeps its letters when stemming would cut it to a stub ("Creed" is not "cre", "Reed" not "re"); other
    /// words take the usual light stem.
    /// </summary>
    private static string StemOf(string word, HashSet<string> names)
    {
        var stem = Tokenizer.Stem(word);
        return names.Contains(word) && stem.Length < 4 ? word : stem;
    }

    internal static QuestionType TypeOf(string question)
    {
        var q = question.ToLowerInvariant();
        return q switch
        {
            _ when WhyPattern().IsMatch(q) => QuestionType.Why,
            _ when HowManyPattern().IsMatch(q) => QuestionType.HowMany,
            _ when WhenPattern().IsMatch(q) => QuestionType.When,
            _ when WherePattern().IsMatch(q) => QuestionType.Where,
            _ when WhoPattern().IsMatch(q) => QuestionType.Who,
            _ => QuestionType.Other,
        };
    }

    /// <summary>
    /// The measure a "how old / far / long / often" question asks for, lower-cased ("far"); null for other questions.
    /// The reader checks a sentence speaks of it, the short answer cuts the amount in its units.
    /// </summary>
    internal static string? MeasureOf(string question) =>
        HowMeasurePattern().Match(question) is { Success: true } m ? m.Groups["measure"].Value.ToLowerInvariant() : null;

    /// <summary>Capitalised words not at the start of a sentence, lower-cased: "Gomel", "Lukashenko".</summary>
    private static HashSet<string> NameWords(string question)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in CapitalisedWord().Matches(question))
        {
            var atStart = m.Index == 0 || question[..m.Index].TrimEnd() is var before && (before.Length == 0 || before[^1] is '.' or '?' or '!');
            if (!atStart)
            {
                names.Add(m.Value.ToLowerInvariant());
            }
        }

        return names;
    }

    /// <summary>Ordinals that pick out one of a series; "first" and "last" are left out, being as often just "early" or "latest".</summary>
    private static readonly HashSet<string> SeriesOrdinals = new(StringComparer.Ordinal)
    {
        "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    };

    [GeneratedRegex(@"\bhow\s+(many|much|long|often|old|far)\b|\bwhat\s+(number|percentage|share|proportion)\b|\bwhat\s+(was|is|were|are)\b.*\b(revenue|price|cost|population|salary|budget|toll|score|rate|total|amount|figure)\b")]
    private static partial Regex HowManyPattern();

    [GeneratedRegex(@"\bhow\s+(?<measure>old|far|long|often)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HowMeasurePattern();

    /// <summary>"when …", "what year …", and "what is the release date of …" / "what was the premiere date for …".</summary>
    [GeneratedRegex(@"\bwhen\b|\bwhat\s+(year|date|day|month|time)\b|\bwhich\s+(year|date|day|month)\b|\b(what|which)\s+(is|was|are|were)\s+the\s+([\w\-']+\s+){0,2}(date|year|day)\s+(of|for|in|when)\b")]
    private static partial Regex WhenPattern();

    [GeneratedRegex(@"\bwhere\b|\bwhich\s+(city|cities|town|towns|country|countries|hospital|hospitals|region|regions|place|places)\b|\bwhat\s+(city|town|country|hospital|region|place)\b")]
    private static partial Regex WherePattern();

    [GeneratedRegex(@"\bwho\b|\bwhose\b|\b(name|surname)\s+of\b|\bwhat\s+was\s+\w+\s+called\b|\b(which|what)\s+(\w+\s+){0,2}(person|people|official|leader|doctor|minister|president|general|commander|spokes(wo)?man|spokesperson|journalist|reporter|editor|outlet|newspaper|publication|publisher|agency|organi[sz]ation|group|initiative|company|party|channel|actor|actress|player|singer|author|writer|artist|winner|team|band|club|founder|ceo|chairman|coach|movie|film|song|album|book|game)\b")]
    private static partial Regex WhoPattern();

    [GeneratedRegex(@"^\s*why\b|\bwhy\s+(did|do|does|was|were|is|are|had|has|have)\b|\b(what|which)\s+(was|were|is|are)\s+the\s+(reason|cause|motive)s?\b|\bfor\s+what\s+reason\b")]
    private static partial Regex WhyPattern();

    [GeneratedRegex(@"\b\p{Lu}[\p{L}\-’']+")]
    private static partial Regex CapitalisedWord();

    [GeneratedRegex(@"\s+on\s+(?<name>\p{Lu}[\p{L}\d\-’']*(\s+\p{Lu}[\p{L}\d\-’']*){0,3})\s*\??\s*$")]
    private static partial Regex TrailingOnName();

    /// <summary>Capitalised words in a row, joined by spaces, a colon, or "of", "the", "a", "an", "de": one name.</summary>
    [GeneratedRegex(@"\p{Lu}[\p{L}\d\-’']*((\s*:\s*|\s+)((of|the|a|an|de)\s+)*\p{Lu}[\p{L}\d\-’']*)+")]
    private static partial Regex NameRun();
}

using System.Text.RegularExpressions;
using CorpusBot.Core.Text;

namespace CorpusBot.Core.Answering.Reader;

/// <summary>Which of the question's key terms a text contains, and their rarity-weighted share.</summary>
public static partial class TermCoverage
{
    public static HashSet<string> Covered(QuestionProfile profile, string text)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(text);
        var words = Tokenizer.Words(text);
        var covered = new HashSet<string>(StringComparer.Ordinal);
        var sequels = new HashSet<string>(StringComparer.Ordinal);
        var measure = QuestionAnalyzer.MeasureOf(profile.Question);
        foreach (var term in profile.KeyTerms)
        {
            // "How old …?" is answered in ages, "how far" in miles: the measure's own words hold the term.
            if (term.Stem == measure && words.Exists(MeasureWords[measure].Contains))
            {
                covered.Add(term.Stem);
                continue;
            }

            // "The runner-up" is the side beaten in the final: an account of who beat whom names it.
            if (StandIns.TryGetValue(term.Stem, out var standIn) && standIn.IsMatch(text))
            {
                covered.Add(term.Stem);
                continue;
            }

            // The act the question turns on, told in another of its words: "the reigning champion" holds "won", the
            // award's "Recipients" its "winner" (see QuestionFocus).
            if (profile.Focus.Any(f => Tokenizer.Stem(f) == term.Stem && words.Exists(QuestionFocus.OtherWordsFor(f).Contains)))
            {
                covered.Add(term.Stem);
                continue;
            }

            var match = term.IsNumber
                ? (words.Contains(term.Stem) && !OnlyAsDay(profile.Question, text, term.Stem))
                    || (SpelledNumbers.TryGetValue(term.Stem, out var spelled) && SpelledBeside(profile, words, spelled))
                : words.Where((w, i) => !(term.IsName && IsSequel(profile, words, i))).Any(w => Holds(term, w))
                    && !DoneToCountedThing(profile.Question, term, text);
            if (match)
            {
                covered.Add(term.Stem);
            }
            else if (term.IsName && words.Exists(w => Holds(term, w)))
            {
                sequels.Add(term.Stem);
            }
        }

        // A sequel's name ("Super Mario Odyssey 2") holds none of the words of the name it continues.
        foreach (var phrase in profile.NamePhrases.Where(p => p.Any(sequels.Contains)))
        {
            covered.ExceptWith(phrase);
        }

        return covered;
    }

    /// <summary>
    /// "When did Andrei leave Belarus?" asks about leaving a place; "ordered them to leave 250 beds free" leaves something
    /// counted. When the question's verb takes a name and every time the text uses that verb it takes a number, the text
    /// tells of doing it to another thing ("Djokovic won 24 titles" holds no "won" of "who won Wimbledon").
    /// </summary>
    private static bool DoneToCountedThing(string question, KeyTerm term, string text)
    {
        if (!term.MayBeParaphrased || !Regex.IsMatch(question, $@"(?i:\b{Regex.Escape(term.Word)}\s+(the\s+)?)\p{{Lu}}"))
        {
            return false;
        }

        var uses = WordAndNumber().Matches(text).Where(m => Holds(term, m.Groups["word"].Value.ToLowerInvariant())).ToList();
        return uses.Count > 0 && uses.TrueForAll(m => m.Groups["number"].Success);
    }

    /// <summary>A word and, when one follows it, the number it takes ("leave 250", "won 24").</summary>
    [GeneratedRegex(@"\b(?<word>\p{L}+)\b(\s+(?<number>\d[\d,.]*)\b)?")]
    private static partial Regex WordAndNumber();

    private static bool Holds(KeyTerm term, string word) =>
        SameRoot(Tokenizer.Stem(word), term.Stem)
        || (term.Stem.Length >= 4 && word.StartsWith(term.Stem, StringComparison.Ordinal))
        || (term.IsName && AreCountryAndDemonym(term.Stem, word));

    /// <summary>
    /// "Super Mario Odyssey 2" is not "Super Mario Odyssey": a name word followed by a small number the question does not
    /// give is the name of a sequel or a later edition, another thing than the one asked about.
    /// </summary>
    private static bool IsSequel(QuestionProfile profile, List<string> words, int i) =>
        i + 1 < words.Count && words[i + 1] is { Length: <= 2 } next && next.All(char.IsDigit)
        && !profile.KeyTerms.Any(t => t.IsNumber && t.Stem == next);

    /// <summary>
    /// Whether a number is written as a word beside what it counts or orders in the question ("Season 11" and "the
    /// eleventh and final season"): "a second soundtrack album" does not hold the 2 of "Xenoblade Chronicles 2".
    /// </summary>
    private static bool SpelledBeside(QuestionProfile profile, List<string> words, string[] spelled)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!spelled.Contains(words[i]))
            {
                continue;
            }

            for (var k = Math.Max(0, i - 1); k <= Math.Min(words.Count - 1, i + SpelledReach); k++)
            {
                var stem = Tokenizer.Stem(words[k]);
                if (k != i && profile.KeyTerms.Any(t => !t.IsNumber && SameRoot(stem, t.Stem)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>How many words after a spelled number the thing it counts may stand ("eleventh and final season").</summary>
    private const int SpelledReach = 3;

    /// <summary>
    /// Whether <paramref name="text"/> has the question's number only as the day of a date ("released on 2 August 2023"
    /// does not hold the 2 of "Xenoblade Chronicles 2"), unless the question too uses it as a day.
    /// </summary>
    private static bool OnlyAsDay(string question, string text, string number)
    {
        var pattern = $@"(?<![\p{{L}}\d.,]){number}(?![\p{{L}}\d])";
        var inText = Regex.Matches(text, pattern);
        return inText.Count > 0
            && inText.All(m => AnswerCue.IsDayOfDate(text, m))
            && !Regex.Matches(question, pattern).Any(m => AnswerCue.IsDayOfDate(question, m));
    }

    /// <summary>
    /// Whether two light stems are one word: equal, or equal once a final silent "e" and a doubled final consonant are
    /// set aside, which the light stemmer leaves ("drive"/"driving" → "drive"/"driv", "get"/"getting" → "get"/"gett").
    /// Only roots of four letters or more lose their "e", so "note" never meets "not".
    /// </summary>
    public static bool SameRoot(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a == b || Root(a) == Root(b);
    }

    private static string Root(string stem)
    {
        if (stem.Length >= 5 && stem[^1] == 'e')
        {
            return stem[..^1];
        }

        var doubled = stem.Length >= 4 && stem[^1] == stem[^2] && !"aeiouylsz".Contains(stem[^1], StringComparison.Ordinal);
        return doubled ? stem[..^1] : stem;
    }

    public static double Share(QuestionProfile profile, IReadOnlySet<string> covered)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(covered);
        return profile.TotalWeight <= 0 ? 0 : profile.KeyTerms.Where(t => covered.Contains(t.Stem)).Sum(t => t.Weight) / profile.TotalWeight;
    }

    /// <summary>Content words of <paramref name="text"/> that are not the question's own.</summary>
    public static int NewWords(QuestionProfile profile, string text) =>
        Tokenizer.ContentWords(text).Count(w => !AnswerCue.IsQuestionTerm(profile, w));

    /// <summary>"Lithuania" and "Lithuanian", "Belarus" and "Belarusian", "Ukraine" and "Ukrainian" name one place.</summary>
    public static bool AreCountryAndDemonym(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        if (shorter.Length < 5 || shorter == longer)
        {
            return false;
        }

        var root = shorter.EndsWith('e') ? shorter[..^1] : shorter;
        return longer.StartsWith(root, StringComparison.Ordinal) && DemonymEndings.Contains(longer[root.Length..]);
    }

    /// <summary>
    /// Words that show a sentence speaks of the measure asked ("aged 19 to 21", "370 miles", "every day"). Unlike the
    /// short answer's units (<c>ShortAnswerFinder.AskedUnit</c>, the words that follow the amount), these include words
    /// that name the measure itself ("age", "distance").
    /// </summary>
    private static readonly Dictionary<string, HashSet<string>> MeasureWords = new(StringComparer.Ordinal)
    {
        ["old"] = ["age", "ages", "aged", "old", "year-old"],
        ["far"] = ["miles", "mile", "kilometres", "kilometers", "kilometre", "kilometer", "km", "metres", "meters", "distance", "far"],
        ["long"] = ["hours", "days", "weeks", "months", "years", "minutes", "long", "decades"],
        ["often"] = ["daily", "weekly", "monthly", "yearly", "times", "every", "often", "twice"],
    };

    /// <summary>
    /// Roles that news name by the act that gives them rather than by the role's word: a final's runner-up is whoever
    /// was beaten in it ("Spain have beaten the Netherlands to win the final", "after defeating Croatia 4-2", "a 1-0 win
    /// over Argentina").
    /// </summary>
    private static readonly Dictionary<string, Regex> StandIns = new(StringComparer.Ordinal)
    {
        ["runner"] = BeatenSide(),
    };

    /// <summary>Whether <paramref name="number"/> may also be written as a word ("eleventh" for 11).</summary>
    public static bool MayBeSpelled(string number) => SpelledNumbers.ContainsKey(number);

    /// <summary>
    /// Small numbers as words: "Season 11" is "the eleventh season", "2 delegations" are "two delegations". "One" and
    /// "first" are left out: they are too common to show that a sentence holds the question's number.
    /// </summary>
    private static readonly Dictionary<string, string[]> SpelledNumbers = new[]
    {
        "two second", "three third", "four fourth", "five fifth", "six sixth", "seven seventh", "eight eighth",
        "nine ninth", "ten tenth", "eleven eleventh", "twelve twelfth", "thirteen thirteenth", "fourteen fourteenth",
        "fifteen fifteenth", "sixteen sixteenth", "seventeen seventeenth", "eighteen eighteenth", "nineteen nineteenth",
        "twenty twentieth",
    }.Select((words, i) => (Number: (i + 2).ToString(System.Globalization.CultureInfo.InvariantCulture), Words: words.Split(' ')))
        .ToDictionary(x => x.Number, x => x.Words, StringComparer.Ordinal);

    private static readonly HashSet<string> DemonymEndings = new(StringComparer.Ordinal) { "n", "an", "ian", "ns", "ans", "ians" };

    /// <summary>The side beaten in a match: "beaten", "defeating", "lost", a "finalist", or the one a win was "over".</summary>
    [GeneratedRegex(@"\b(?i:beaten|beat|beating|defeated|defeating|defeat|lost|losing|finalists?)\b|\b(?i:win|wins|won|victory|triumph)\b[^.;]{0,30}?\bover\s+(the\s+)?\p{Lu}")]
    private static partial Regex BeatenSide();
}

using System.Text.RegularExpressions;
using CorpusBot.Core.Text;

namespace CorpusBot.Core.Answering.Reader;

/// <summary>
/// The answer-type check: whether a sentence shows what the question asks for, beyond the question's own words —
/// a name for who/which, a number for how many, a date for when, a place for where, a cause for why.
/// "Who ordered it, Lukashenko?" is not answered by a sentence whose only name is Lukashenko, and a place
/// ("in Lithuania") or a nationality ("Russian soldiers") is not a name.
/// </summary>
public static partial class AnswerCue
{
    /// <summary>Month names and their abbreviations, for the date patterns below.</summary>
    internal const string Months = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";

    public static bool Required(QuestionType type) => type is not QuestionType.Other;

    public static bool Shows(QuestionProfile profile, string sentence)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(sentence);
        return profile.Type switch
        {
            // "1." alone numbers an item of a list; it counts nothing.
            QuestionType.HowMany => !ListMarker().IsMatch(sentence) && NumberCue().Matches(sentence).Any(m => !IsQuestionTerm(profile, m.Groups["cue"].Value) && !IsYear(m.Groups["cue"].Value) && !IsDayOfDate(sentence, m)),
            // A when-question that names its year asks for the day or month: another bare year is no answer to it.
            QuestionType.When => DateCue().Matches(sentence).Any(m => !IsQuestionTerm(profile, m.Groups["cue"].Value)
                && !(IsYear(m.Groups["cue"].Value) && profile.KeyTerms.Any(t => t.IsNumber && IsYear(t.Stem)))
                && !EndsRangeFromAskedEvent(profile, sentence, m)),
            QuestionType.Where when Description.AskedPlace(profile.Question) is { } place => Description.Locates(place, sentence),
            QuestionType.Where => PlaceCue().Matches(sentence).Any(m => m.Groups["cue"].Captures.Any(c => !IsQuestionTerm(profile, c.Value)) && !WhereElseDone(profile, sentence, m)
                && !(m.Groups["prep"].Value.Equals("from", StringComparison.OrdinalIgnoreCase) && AsksDestination().IsMatch(profile.Question)))
                || (WhichPlace().IsMatch(profile.Question) && NamesAnyPlace(profile, sentence)),
            // "Who is Andrei?" asks what he is: a sentence that describes him, not any other name beside his.
            QuestionType.Who when Description.AskedName(profile.Question) is { } name => Description.Tells(name, sentence),
            QuestionType.Who when Description.AskedRole(profile.Question) is { } role => Description.NamesRole(role, sentence),
            QuestionType.Who => NameCue().Matches(sentence).Any(m => IsPersonOrOrganisation(profile, sentence, m)),
            QuestionType.Why => CauseCue().IsMatch(sentence),
            _ => false,
        };
    }

    /// <summary>
    /// "Which country won …?" is answered by a name in any position ("Norway collected 39 medals"), not only after
    /// "in" or "from": any capitalised word that is not the question's own, a date, a season, a function word or an
    /// everyday word that merely starts the sentence. A season is capitalised in an event's name ("the 2004 Summer
    /// Olympics", "the Winter Games") but names a time of year, not where anything happened.
    /// </summary>
    private static bool NamesAnyPlace(QuestionProfile profile, string sentence) =>
        CapitalisedWord().Matches(sentence).Any(m =>
            !IsQuestionTerm(profile, m.Value) && !DateCue().IsMatch(m.Value) && !Season().IsMatch(m.Value) && !StopWords.Contains(m.Value.ToLowerInvariant())
            && !EverydayLexicon.Contains(Tokenizer.Stem(m.Value.ToLowerInvariant())) && !EverydayLexicon.Contains(m.Value.ToLowerInvariant()));

    /// <summary>How exactly a text dates something: 1 for a full date ("May 15, 2012", "15 May 2012", "10/27/2017"), 0.5 for a month with its day or year, else 0.</summary>
    public static double DatePrecision(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FullDate().IsMatch(text) ? 1 : PartialDate().IsMatch(text) ? 0.5 : 0;
    }

    /// <summary>Whether <paramref name="word"/> is one of the question's key terms (or a form of one).</summary>
    public static bool IsQuestionTerm(QuestionProfile profile, string word)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(word);
        var lower = word.ToLowerInvariant();
        return profile.KeyTerms.Any(t => lower == t.Stem || TermCoverage.SameRoot(Tokenizer.Stem(lower), t.Stem) || (t.Stem.Length >= 4 && lower.StartsWith(t.Stem, StringComparison.Ordinal)));
    }

    /// <summary>
    /// Whether a how-many question's number is given for the very thing it counts: "how many beds were kept free" and
    /// "… to leave 250 beds free" (a number, up to two words, then the counted word in any form). A figure that counts
    /// something else in the same sentence ("dozens of X-rays" for "how many doctors") does not count. The counted
    /// thing is the whole phrase the question counts, not its last word: "around 30,000 soldiers for joint military
    /// training" does not count "wounded Russian soldiers", "about 160 to 170 wounded" does. A number followed by the
    /// head word alone counts it only where the sentence also holds the phrase's other words (names aside: "Russian"
    /// is who they are, not what is counted).
    /// </summary>
    public static bool CountsAskedThing(QuestionProfile profile, string sentence)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(sentence);
        var counted = profile.Type == QuestionType.HowMany ? ShortAnswers.ShortAnswerFinder.CountedWords(profile.Question) : [];
        if (counted.Count == 0)
        {
            return false;
        }

        var headStem = Tokenizer.Stem(counted[^1]);
        var modifiers = counted.Take(counted.Count - 1).Where(w => !CapitalisedIn(profile.Question, w)).Select(Tokenizer.Stem).ToList();
        var held = Tokenizer.Words(sentence).Select(Tokenizer.Stem).ToHashSet(StringComparer.Ordinal);
        return NumberCue().Matches(sentence)
            .Where(m => !IsQuestionTerm(profile, m.Groups["cue"].Value) && !IsYear(m.Groups["cue"].Value) && !IsDayOfDate(sentence, m))
            .Any(m => CountedAfter().Match(sentence, m.Index + m.Length) is { Success: true } counted
                && counted.Groups["word"].Captures.Select(c => Tokenizer.Stem(c.Value.ToLowerInvariant())).Any(stem =>
                    modifiers.Contains(stem) || (stem == headStem && modifiers.TrueForAll(held.Contains))));
    }

    /// <summary>Whether <paramref name="word"/> (lower-cased) is written with a capital in <paramref name="text"/>: a name or nationality.</summary>
    private static bool CapitalisedIn(string text, string word) =>
        CapitalisedWord().Matches(text).Any(m => m.Value.Equals(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// "Between the start of the war and April" dates the end of a span that the asked event opens: April is not when the
    /// war started. A date is such a far end when the words that open its span ("between …", "from …") hold a
    /// key term of the question and no date of their own ("between March and April" dates both ends).
    /// </summary>
    internal static bool EndsRangeFromAskedEvent(QuestionProfile profile, string sentence, Match date)
    {
        if (RangeBefore().Match(sentence[..date.Index]) is not { Success: true } range)
        {
            return false;
        }

        var opening = range.Groups["from"].Value;
        return !DateCue().IsMatch(opening) && Tokenizer.ContentWords(opening).Any(w => IsQuestionTerm(profile, w));
    }

    /// <summary>
    /// "The hospital in the town of Mazyr, where Andrei worked" names the place by another act than the one asked: it is
    /// where Andrei worked, not where he fled to. A place followed by ", where" and someone doing a thing the question
    /// does not name is no answer to it.
    /// </summary>
    internal static bool WhereElseDone(QuestionProfile profile, string sentence, Match place) =>
        PlaceDefinedByAct().Match(sentence, place.Index + place.Length) is { Success: true } clause
        && !IsQuestionTerm(profile, clause.Groups["verb"].Value);

    /// <summary>"Where did Andrei flee to?" asks where he went: the place he left ("his escape from Belarus") is no answer.</summary>
    [GeneratedRegex(@"^\s*where\b.*\bto\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex AsksDestination();

    /// <summary>", where Andrei worked", ", where he had been born": the act a place is named by.</summary>
    [GeneratedRegex(@"\G\s*,\s*where\s+(?:\p{Lu}[\p{L}\-]+|he|she|they|we|I)\s+(?:had\s+|has\s+|have\s+|was\s+|were\s+)?(?:been\s+)?(?<verb>\p{Ll}+)")]
    private static partial Regex PlaceDefinedByAct();

    /// <summary>The opening of a span whose far end comes next: "between the start of the war and ", "from the invasion until ".</summary>
    [GeneratedRegex(@"\b(between|from)\s+(?<from>[^,;.()]{1,60}?)\s+(and|to|until|till|through)\s+(the\s+end\s+of\s+|late\s+|early\s+|mid-?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex RangeBefore();

    /// <summary>"On January 22, 2026" and "22 March" date a sentence: the day's number counts nothing.</summary>
    internal static bool IsDayOfDate(string sentence, Match number) =>
        MonthBefore().IsMatch(sentence[..number.Index]) || MonthAfter().IsMatch(sentence[(number.Index + number.Length)..]);

    /// <summary>"in 2022" dates a sentence; it does not count anything.</summary>
    internal static bool IsYear(string number) => number.Length == 4 && Year().IsMatch(number);

    private static bool IsPersonOrOrganisation(QuestionProfile profile, string sentence, Match match)
    {
        var word = match.Groups["cue"].Value;
        if (IsQuestionTerm(profile, word) || DateCue().IsMatch(word) || StopWords.Contains(word.ToLowerInvariant()) || ShortAnswers.AnswerSpans.IsLetterCompound(word))
        {
            return false;
        }

        var before = sentence[..match.Index];
        var after = sentence[(match.Index + match.Length)..];
        // "in Lithuania", "from Minsk", or a story's dateline ("Vilnius, Lithuania – …"): a place.
        // "Russian soldiers", "Belarusian doctors": a nationality.
        var isPlace = Locative().IsMatch(before) || (Dateline().Match(sentence) is { Success: true } dateline && match.Index < dateline.Length);
        var isNationality = Demonym().IsMatch(word) && LowerCaseWordFollows().IsMatch(after);
        return !isPlace && !isNationality;
    }

    [GeneratedRegex(@"\b(?<cue>\d+([.,]\d+)*%?)|\b(?<cue>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|dozens?|hundreds?|thousands?|millions?|billions?|half)\b|\b(?<cue>an?\s+(day|week|month|year|hour|decade))\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberCue();

    [GeneratedRegex(@"\b(?<cue>" + Months + @"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|spring|summer|autumn|winter|yesterday|today)\b|\b(?<cue>(1[5-9]|20)\d\d)\b")]
    private static partial Regex DateCue();

    /// <summary>
    /// "in Gomel and Khoiniki", "in the (old) town of Mazyr", "near Mazyr, Gomel or Brest": each name is a place. Not a
    /// name that owns the next noun: "responded to CNN’s request" says nothing of where.
    /// </summary>
    [GeneratedRegex(@"\b(?<prep>in|at|from|near|to|into|across|outside|inside|south of|north of|east of|west of)\s+(the\s+)?(([\p{L}\-]+\s+)?(town|city|village|region|province|capital|country)\s+of\s+)?(?<cue>\p{Lu}\p{L}+)\b(?![’'])((,\s*|\s+and\s+|\s+or\s+)(?<cue>\p{Lu}\p{L}+)\b(?![’']))*")]
    private static partial Regex PlaceCue();

    [GeneratedRegex(@"^(spring|summer|autumn|fall|winter)$", RegexOptions.IgnoreCase)]
    private static partial Regex Season();

    [GeneratedRegex(@"\b(which|what)\s+(city|cities|town|towns|country|countries|region|regions|state|states|nation|place|venue|stadium)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhichPlace();

    [GeneratedRegex(@"\b\p{Lu}[\p{L}\-]+")]
    private static partial Regex CapitalisedWord();

    [GeneratedRegex(@"(?<=\S\s+)(?<cue>\p{Lu}[\p{L}\-]+)")]
    private static partial Regex NameCue();

    [GeneratedRegex(@"\b(because|due to|owing to|thanks to|as a result|result of|so that|in order to|fear|feared|fears|fearing|afraid|reasons?|risks?|forced|pressure|threats?|urgent|led to|caused|motivated|why)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CauseCue();

    [GeneratedRegex(@"\b(in|at|from|near|to|into|across|outside|inside|of)\s+(the\s+)?$")]
    private static partial Regex Locative();

    [GeneratedRegex(@"\b(" + Months + @")\.?\s+$")]
    private static partial Regex MonthBefore();

    [GeneratedRegex(@"^(st|nd|rd|th)?\s+(of\s+)?(" + Months + @")\b")]
    private static partial Regex MonthAfter();

    [GeneratedRegex(@"\b(" + Months + @")\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+(of\s+)?(1[5-9]|20)\d\d\b|\b\d{1,2}(st|nd|rd|th)?\s+(of\s+)?(" + Months + @")\.?,?\s+(1[5-9]|20)\d\d\b|\b\d{1,2}/\d{1,2}/(1[5-9]|20)\d\d\b|\b(1[5-9]|20)\d\d-\d\d-\d\d\b")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"\b(" + Months + @")\.?\s+(of\s+)?(1[5-9]|20)\d\d\b|\b(" + Months + @")\.?\s+\d{1,2}\b|\b\d{1,2}(st|nd|rd|th)?\s+(of\s+)?(" + Months + @")\b")]
    private static partial Regex PartialDate();

    [GeneratedRegex(@"^(1[5-9]|20)\d\d$")]
    private static partial Regex Year();

    [GeneratedRegex(@"^\s*\(?\d{1,2}[.)]\s*$")]
    private static partial Regex ListMarker();

    /// <summary>A news story's dateline: one or two capitalised place names and a dash before the first sentence.</summary>
    [GeneratedRegex(@"^\s*\p{Lu}[\p{L}\-]+(\s\p{Lu}[\p{L}\-]+)?(,\s*\p{Lu}[\p{L}\-]+(\s\p{Lu}[\p{L}\-]+)?)?\s*[–—-]\s")]
    private static partial Regex Dateline();

    /// <summary>The words right after a number, up to the third: "250 [beds]", "nearly 900 [wounded Russian soldiers]".</summary>
    [GeneratedRegex(@"\G(\s+of)?(\s+(?<word>[\p{L}\-]+)){1,3}")]
    private static partial Regex CountedAfter();

    [GeneratedRegex(@"(ian|ean|ese|ish)$")]
    private static partial Regex Demonym();

    [GeneratedRegex(@"^\s+\p{Ll}")]
    private static partial Regex LowerCaseWordFollows();
}

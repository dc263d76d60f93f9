using System.Text.RegularExpressions;
using CorpusBot.Core.Answering.Reader;

namespace CorpusBot.Core.Answering.ShortAnswers;

/// <summary>
/// Where in a sentence the asked-for thing can stand, as spans of the sentence: amounts ("nearly 900", "between 40 and
/// 50", "$1.2 million"), dates ("January 22, 2026", "late March"), places after a preposition ("in Gomel and Khoiniki")
/// and names (runs of capitalised words: "Alexander Lukashenko"). <see cref="AnswerCue"/> tells whether a sentence
/// shows such a thing at all; these patterns say exactly where it starts and ends, so it can be cut out verbatim.
/// </summary>
internal static partial class AnswerSpans
{
    private const string NumberWord =
        "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
        + "|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";

    private const string Scale = "hundred|thousand|million|billion|trillion|dozen";

    /// <summary>One amount: digits (with separators, a currency sign, a percent, a scale word) or number words; a frequency; a duration.</summary>
    private const string Amount =
        @"\b(?:once|twice|thrice|(?:\d+|" + NumberWord + @")\s+times)(?:\s+(?:a|an|per|every|each)\s+(?:day|week|month|year|hour|minute))?\b"
        + @"|\b(?:daily|weekly|monthly|yearly|hourly|annually)\b"
        + @"|(?:[$€£]\s?)?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s?(?:%|percent\b|per\s+cent\b))?(?:\s+(?:" + Scale + @")\b)?"
        + @"|\b(?:" + NumberWord + @")(?:[\s\-]+(?:and\s+)?(?:" + NumberWord + "|" + Scale + @"))*\b"
        + @"|\ban?\s+(?:" + Scale + @")(?:\s+(?:" + NumberWord + "|" + Scale + @"))*\b"
        + @"|\b(?:dozens|hundreds|thousands|millions|billions)(?:\s+of)?\b"
        + @"|\ban?\s+(?:day|week|month|year|hour|minute|decade|mile|kilometre|kilometer)\b(?:\s+and\s+a\s+half\b)?";

    private const string Qualifier =
        @"(?:nearly|almost|about|around|approximately|roughly|some|over|under|more\s+than|fewer\s+than|less\s+than|at\s+least"
        + @"|at\s+most|up\s+to|as\s+many\s+as|exactly|a\s+total\s+of|an\s+estimated|an\s+average\s+of|only)\s+";

    private const string Weekday = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

    private const string Year = @"(?:1[5-9]|20)\d\d";

    private const string Capitalised = @"\p{Lu}(?:[\p{L}\-]*\p{L}|\.)?";

    /// <summary>Amounts in <paramref name="text"/>, with a qualifier before them and a range after when the text has one.</summary>
    public static IEnumerable<Match> Amounts(string text) => AmountPattern().Matches(text);

    /// <summary>Dates: day, month and year in either order, a month, a season of a year, a weekday or a year alone.</summary>
    public static IEnumerable<Match> Dates(string text) => DatePattern().Matches(text);

    /// <summary>Places named after a preposition: group "names" spans the names, "in the town of Mazyr" → "Mazyr".</summary>
    public static IEnumerable<Group> Places(string text) => PlacePattern().Matches(text).Select(m => m.Groups["names"]);

    /// <summary>Runs of capitalised words, with the particles of names between them ("Charles de Gaulle").</summary>
    public static IEnumerable<Match> Names(string text) => NamePattern().Matches(text);

    /// <summary>The capitalised words of a span, with their offsets inside it.</summary>
    public static IEnumerable<Match> Words(string span) => WordPattern().Matches(span);

    /// <summary>Whether a capitalised word is a month, a weekday or a year: a date, not a name.</summary>
    public static bool IsDateWord(string word) => DateWordPattern().IsMatch(word);

    /// <summary>"Thirteen-year-old", "Two": a number word, which starts a phrase but names no one.</summary>
    public static bool IsNumberWord(string word) => NumberWordPattern().IsMatch(word);

    /// <summary>"X-rays", "T-shirt", "U-turn": a letter joined to a lower-case word is a thing, not a name.</summary>
    public static bool IsLetterCompound(string word) => LetterCompoundPattern().IsMatch(word);

    /// <summary>"Belarusian", "Russians", "British": a nationality, which does not name anyone.</summary>
    public static bool IsDemonym(string word) => DemonymPattern().IsMatch(word);

    /// <summary>Whether a place or a name follows a preposition of place ("in ", "from the "; not "according to ").</summary>
    public static bool FollowsLocative(string textBefore) => LocativeBefore().IsMatch(textBefore);

    /// <summary>Whether position <paramref name="index"/> of <paramref name="text"/> starts a sentence.</summary>
    public static bool StartsSentence(string text, int index)
    {
        var before = text.AsSpan(0, index).TrimEnd(" \t\"“‘'([".AsSpan());
        return before.Length == 0 || before[^1] is '.' or '!' or '?' or '\n' or ':' or ';';
    }

    [GeneratedRegex(@"(?<![\p{L}\d.,])(?:\b" + Qualifier + @")?(?:\bbetween\s+(?:" + Amount + @")\s+and\s+(?:" + Amount + @")|(?:" + Amount + @")(?:\s*(?:-|–|—|to)\s*(?:" + Amount + @"))?)(?![\d\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex AmountPattern();

    [GeneratedRegex(
        @"(?:\b(?:early|mid|late)[\s\-]+)?(?:(?:" + Weekday + @"),?\s+)?(?:"
        + @"\b(?:" + AnswerCue.Months + @")\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+" + Year + @"\b)?"
        + @"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + AnswerCue.Months + @")\b\.?(?:,?\s+" + Year + @"\b)?"
        + @"|\b(?:" + AnswerCue.Months + @")\b\.?(?:\s+(?:of\s+)?" + Year + @"\b)?"
        + @"|\b(?:spring|summer|autumn|fall|winter)\s+of\s+" + Year + @"\b"
        + @"|\b(?:" + Weekday + @")\b"
        + @"|\b" + Year + @"\b)")]
    private static partial Regex DatePattern();

    [GeneratedRegex(
        @"\b(?:in|at|from|near|to|into|across|outside|inside|(?:south|north|east|west)\s+of)\s+(?:the\s+)?(?:(?:[\p{L}\-]+\s+)?(?:town|city|village|region|province|capital|country|district)\s+of\s+)?"
        + @"(?<names>" + Capitalised + @"(?:\s+" + Capitalised + @")*(?:(?:,\s*|\s+and\s+|\s+or\s+)" + Capitalised + @"(?:\s+" + Capitalised + @")*)*)")]
    private static partial Regex PlacePattern();

    [GeneratedRegex(@"(?<![\p{L}\d])" + Capitalised + @"(?:(?:\s+(?:de|van|von|der|den|bin|al|da|di|del|la|le|of|of\s+the)\s+|\s+&\s+|\s+)" + Capitalised + @")*")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^(?:" + NumberWord + "|" + Scale + @")(?:-|$)", RegexOptions.IgnoreCase)]
    private static partial Regex NumberWordPattern();

    [GeneratedRegex(@"^\p{Lu}-\p{Ll}+$")]
    private static partial Regex LetterCompoundPattern();

    [GeneratedRegex(Capitalised)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^(?:" + AnswerCue.Months + "|" + Weekday + "|" + Year + @")\.?$")]
    private static partial Regex DateWordPattern();

    [GeneratedRegex(@"^\p{Lu}\p{L}+(?:ian|ican|ean|ese|ish)s?$")]
    private static partial Regex DemonymPattern();

    /// <summary>"in ", "near the ", and places listed after one ("in Gomel and ", "in Gomel, Mazyr or "): what follows is a place too.</summary>
    [GeneratedRegex(@"(?<!\baccording\s)\b(?:in|at|from|near|to|into|across|outside|inside)\s+(?:the\s+)?(?:\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*)*(?:,\s*|\s+and\s+|\s+or\s+))*$")]
    private static partial Regex LocativeBefore();
}

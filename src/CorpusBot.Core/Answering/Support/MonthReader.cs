using System.Text.RegularExpressions;

namespace CorpusBot.Core.Answering.Support;

/// <summary>
/// The months a text names, as 1–12, in English, Russian, Ukrainian and Belarusian ("January",
/// "Jan.", "января", "січня", "студзеня"), so a date in a translated answer meets the date in its quote.
/// </summary>
public static partial class MonthReader
{
    private static readonly Dictionary<string, int> English = new(StringComparer.OrdinalIgnoreCase)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4,
        ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8, ["september"] = 9,
        ["sep"] = 9, ["sept"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11, ["december"] = 12, ["dec"] = 12,
    };

    // One pattern per month: Russian, Ukrainian and Belarusian forms (nominative, genitive, locative).
    private static readonly Regex[] Slavic =
    [
        Month("январ[ьяе]|січ(ень|ня|ні)|студз(ень|еня|ені)"),
        Month("феврал[ьяе]|лют(ий|ого|ому|ы|ага|ым)"),
        Month("март[аеу]?|берез(ень|ня|ні)|сакавік[аеу]?"),
        Month("апрел[ьяе]|квіт(ень|ня|ні)|красавік[аеу]?"),
        Month("ма[йяеі]|трав(ень|ня|ні)"),
        Month("июн[ьяе]|черв(ень|ня|ні)|чэрв(ень|еня|ені)"),
        Month("июл[ьяе]|лип(ень|ня|ні)|ліп(ень|еня|ені)"),
        Month("август[аеу]?|серп(ень|ня|ні)|жні(вень|ўня|ўні)"),
        Month("сентябр[ьяе]|верес(ень|ня|ні)|верас(ень|ня|ні)"),
        Month("октябр[ьяе]|жовт(ень|ня|ні)|кастрычнік[аеу]?"),
        Month("ноябр[ьяе]|листопад[аі]?|лістапад[аеу]?|лістападзе"),
        Month("декабр[ьяе]|груд(ень|ня|ні)|снеж(ань|ня|ні)"),
    ];

    /// <summary>"January" or "May": a month, not a name, in the name check.</summary>
    public static bool IsEnglishMonth(string word) => (word.Length > 3 || word == "May") && English.ContainsKey(word);

    public static HashSet<int> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var months = new HashSet<int>();
        // English month names count when capitalised ("May" the month, not "may" the verb).
        foreach (Match word in EnglishWordRegex().Matches(text))
        {
            if (English.TryGetValue(word.Groups["name"].Value, out var month)
                && (word.Groups["name"].Value.Length > 3 || word.Groups["dot"].Success || word.Value.Equals("May", StringComparison.Ordinal)))
            {
                months.Add(month);
            }
        }

        for (var i = 0; i < Slavic.Length; i++)
        {
            if (Slavic[i].IsMatch(text))
            {
                months.Add(i + 1);
            }
        }

        return months;
    }

    private static Regex Month(string forms) =>
        new($@"(?<![\p{{L}}])({forms})(?![\p{{L}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // A capitalised word; three-letter abbreviations count only with their full stop ("Jan.").
    [GeneratedRegex(@"(?<![\p{L}])(?<name>\p{Lu}\p{Ll}{2,8})(?<dot>\.)?(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishWordRegex();
}

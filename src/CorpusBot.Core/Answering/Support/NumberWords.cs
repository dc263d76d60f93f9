namespace CorpusBot.Core.Answering.Support;

/// <summary>
/// Simple number words of English, Russian, Ukrainian and Belarusian: units, tens and hundreds
/// (added up) and scale words (multiplying what comes before: "five billion", "5 млрд").
/// </summary>
internal static class NumberWords
{
    /// <summary>Words that add their value: "twenty" + "one", "двести" + "пять".</summary>
    public static readonly Dictionary<string, decimal> Additive = Build(
        (0, "zero"), (1, "one"), (2, "two"), (3, "three"), (4, "four"), (5, "five"), (6, "six"), (7, "seven"), (8, "eight"), (9, "nine"),
        (10, "ten"), (11, "eleven"), (12, "twelve"), (13, "thirteen"), (14, "fourteen"), (15, "fifteen"), (16, "sixteen"),
        (17, "seventeen"), (18, "eighteen"), (19, "nineteen"), (20, "twenty"), (30, "thirty"), (40, "forty"), (50, "fifty"),
        (60, "sixty"), (70, "seventy"), (80, "eighty"), (90, "ninety"),
        (1, "один одна одно одного одной одному"), (2, "два две двух двум двумя дві дзве"), (3, "три трёх трех трем тремя тры"),
        (4, "четыре четырёх четырех чотири чатыры"), (5, "пять пяти пятью пяць"), (6, "шесть шести шість шэсць"),
        (7, "семь семи сім сем"), (8, "восемь восьми вісім восем"), (9, "девять девяти дзевяць"), (10, "десять десяти дзесяць"),
        (20, "двадцать двадцати двадцять дваццаць"), (30, "тридцать тридцяти тридцять трыццаць"), (40, "сорок сорока"),
        (50, "пятьдесят пятидесяти пятдесят пяцьдзесят"), (100, "сто ста"), (200, "двести двухсот двісті дзвесце"),
        (300, "триста трёхсот трехсот трыста"), (500, "пятьсот пятисот"));

    /// <summary>Words that multiply what came before (or 1): "hundred", "thousand", "млн", "мільярд".</summary>
    public static readonly Dictionary<string, decimal> Scales = Build(
        (100, "hundred hundreds"), (1_000, "thousand thousands k тыс тысяча тысячи тысяч тысячу тисяча тисячі тисяч"),
        (1_000_000, "million millions mln mn млн миллион миллиона миллионов мільйон мільйона мільйонів мільён мільёны мільёнаў"),
        (1_000_000_000, "billion billions bn bln млрд миллиард миллиарда миллиардов мільярд мільярда мільярдів мільярдаў"),
        (1_000_000_000_000, "trillion trillions tn трлн триллион триллиона триллионов"));

    private static readonly HashSet<string> SingularAlone = new(StringComparer.Ordinal)
    {
        "thousand", "million", "billion", "trillion", "тысяча", "миллион", "миллиард", "тисяча", "мільйон", "мільярд", "мільён",
    };

    /// <summary>A scale word that is a number on its own ("тысяча солдат", "million dollars").</summary>
    public static bool IsSingularAlone(string word) => SingularAlone.Contains(word);

    /// <summary>Plurals and abbreviations ("hundreds of", "k") are no number after "a" either.</summary>
    public static bool IsVagueAlone(string word) => word.EndsWith('s') || word.Length <= 3;

    /// <summary>"One" and "один" alone mean "a" more often than 1; they count only inside a larger number.</summary>
    public static bool IsWeakAlone(string word) => Additive.TryGetValue(word, out var value) && value == 1;

    private static Dictionary<string, decimal> Build(params (decimal Value, string Words)[] entries)
    {
        var map = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (value, words) in entries)
        {
            foreach (var word in words.Split(' '))
            {
                map[word] = value;
            }
        }

        return map;
    }
}

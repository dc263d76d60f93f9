namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>Counts what <see cref="CyrillicDetector"/> judges a candidate decoding by.</summary>
internal static class CyrillicScorer
{
    // Russian letter frequencies per mille, "а" to "я" in alphabet order.
    private static readonly double[] RussianPerMille =
    [
        80.1, 15.9, 45.4, 17.0, 29.8, 84.5, 9.4, 16.5, 73.5, 12.1, 34.9, 44.0, 32.1, 67.0, 109.7, 28.1,
        47.3, 54.7, 62.6, 26.2, 2.6, 9.7, 4.8, 14.4, 7.3, 3.6, 0.4, 19.0, 17.4, 3.2, 6.4, 20.1,
    ];

    // Letters beyond the Russian 32: ё, and Ukrainian and Belarusian і ї є ґ ў.
    private static readonly Dictionary<char, double> OtherPerMille = new()
    {
        ['ё'] = 2.0, ['і'] = 20.0, ['ї'] = 5.0, ['є'] = 5.0, ['ґ'] = 1.0, ['ў'] = 5.0,
    };

    private const string ExpectedPunctuation = "\u00A0«»–—…№“”„‘’°";

    public static CyrillicScore Score(string text)
    {
        int letters = 0, words = 0, nonAscii = 0, expected = 0, mixed = 0, breaks = 0, upper = 0;
        var logSum = 0.0;
        bool inCyrillic = false, inLatin = false, previousLower = false;
        var upperRun = 0;
        foreach (var c in text)
        {
            var isCyrillic = TryFrequency(char.ToLowerInvariant(c), out var perMille);
            if (c > '\u007F')
            {
                nonAscii++;
                expected += isCyrillic || ExpectedPunctuation.Contains(c, StringComparison.Ordinal) ? 1 : 0;
            }

            if (isCyrillic)
            {
                letters++;
                logSum += Math.Log2(perMille / 1000);
                var isUpper = char.IsUpper(c);
                upper += isUpper ? 1 : 0;
                breaks += IsCaseBreak(previousLower, upperRun, isUpper) || (!inCyrillic && !inLatin && CannotStartWord(c)) ? 1 : 0;
                previousLower = !isUpper;
                upperRun = isUpper ? upperRun + 1 : 0;
                inCyrillic = true;
            }
            else if (char.IsAsciiLetter(c))
            {
                inLatin = true;
                previousLower = false;
                upperRun = 0;
            }
            else if (!char.IsLetter(c))
            {
                words += inCyrillic ? 1 : 0;
                mixed += inCyrillic && inLatin ? 1 : 0;
                inCyrillic = inLatin = previousLower = false;
                upperRun = 0;
            }
        }

        words += inCyrillic ? 1 : 0;
        mixed += inCyrillic && inLatin ? 1 : 0;
        return new CyrillicScore(letters, words, nonAscii, expected, mixed, breaks, upper, logSum);
    }

    /// <summary>"пРИВЕТ" (lower then upper) or "ПРивет" (two capitals then lower) inside a word.</summary>
    private static bool IsCaseBreak(bool previousLower, int upperRun, bool isUpper) =>
        (previousLower && isUpper) || (upperRun >= 2 && !isUpper);

    /// <summary>No Russian word starts with ъ, ь or ы.</summary>
    private static bool CannotStartWord(char c) => char.ToLowerInvariant(c) is 'ъ' or 'ь' or 'ы';

    private static bool TryFrequency(char lower, out double perMille)
    {
        if (lower is >= 'а' and <= 'я')
        {
            perMille = RussianPerMille[lower - 'а'];
            return true;
        }

        return OtherPerMille.TryGetValue(lower, out perMille);
    }
}

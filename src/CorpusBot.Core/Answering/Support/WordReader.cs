using System.Text.RegularExpressions;

namespace CorpusBot.Core.Answering.Support;

/// <summary>
/// Words of any script for the support check: letters only (digits are numbers, read elsewhere);
/// hyphens and apostrophes split ("Russia-Ukraine" → two names, "Moscow’s" → "Moscow" and "s").
/// </summary>
public static partial class WordReader
{
    /// <summary>The words as written.</summary>
    public static IEnumerable<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return WordRegex().Matches(text).Select(m => m.Value);
    }

    /// <summary>Capitalised words that are not function words, titles or months: the text's proper names.</summary>
    public static IEnumerable<string> Names(string text) =>
        Words(text).Where(w => w.Length > 1 && char.IsUpper(w[0]) && !FunctionWords.Contains(w.ToLowerInvariant()) && !MonthReader.IsEnglishMonth(w));

    /// <summary>Lower-cased content words, light-stemmed per script ("soldiers" → "soldier", "Гомеле" → "гомел").</summary>
    public static IEnumerable<string> ContentStems(string text) =>
        Words(text).Select(w => w.ToLowerInvariant())
            .Where(w => w.Length > 1 && !FunctionWords.Contains(w) && !NumberWords.Additive.ContainsKey(w) && !NumberWords.Scales.ContainsKey(w))
            .Select(Stem);

    /// <summary>"treated" / "treating" → "treat"; Cyrillic words lose their case ending.</summary>
    public static string Stem(string lowerWord)
    {
        ArgumentNullException.ThrowIfNull(lowerWord);
        return lowerWord.Any(CyrillicTransliterator.IsCyrillic) ? NameKey.StripCaseEnding(lowerWord) : Text.Tokenizer.Stem(lowerWord);
    }

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}]*", RegexOptions.CultureInvariant)]
    private static partial Regex WordRegex();
}

using System.Text;

namespace CorpusBot.Core.Answering.Support;

/// <summary>
/// Cyrillic → Latin, one letter at a time, for Russian, Ukrainian and Belarusian: "Росгвардия" →
/// "rosgvardiya". Only for comparing names across scripts; the spelling conventions that still differ
/// (ya/ia, kh/h, y/i) are evened out afterwards by <see cref="NameKey"/>.
/// </summary>
public static class CyrillicTransliterator
{
    private static readonly Dictionary<char, string> Letters = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "i", ['й'] = "i", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu",
        ['я'] = "ya",
        // Ukrainian and Belarusian letters.
        ['є'] = "ye", ['і'] = "i", ['ї'] = "yi", ['ґ'] = "g", ['ў'] = "u", ['\''] = "", ['’'] = "", ['ʼ'] = "",
    };

    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    /// <summary>Lower-cased Latin spelling of <paramref name="text"/>; characters that are not Cyrillic pass through lower-cased.</summary>
    public static string ToLatin(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var latin = new StringBuilder(text.Length + 4);
        foreach (var c in text.ToLowerInvariant())
        {
            latin.Append(Letters.TryGetValue(c, out var s) ? s : c.ToString());
        }

        return latin.ToString();
    }
}

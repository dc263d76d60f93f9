using System.Globalization;
using System.Text;

namespace CorpusBot.Core.Answering.Support;

/// <summary>
/// Comparable keys for a proper name in any of the scripts the bot meets, so that "Росгвардии" meets
/// "Rosgvardia", "Лукашенко" meets "Lukashenko" and "Belarus" meets "Belarusian": Cyrillic case endings
/// are removed, Cyrillic is transliterated, and spelling variants that transliteration conventions
/// disagree on (kh/h, y/i/j, ya/ia, doubled letters, a final vowel) are evened out.
/// </summary>
public static class NameKey
{
    /// <summary>Prefix matches need this many letters, so "Ivan" does not meet "Ivanov".</summary>
    private const int MinPrefixLength = 5;

    /// <summary>"Belarus" meets "Belarusian", but a prefix does not stand for a much longer word.</summary>
    private const int MaxExtraLetters = 4;

    // Russian, Ukrainian and Belarusian case endings of nouns and adjectives, longest first.
    private static readonly string[] CaseEndings =
    [
        "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ом", "ем", "ам", "ям", "ах", "ях", "ию", "ия",
        "ии", "ие", "ий", "ый", "ая", "яя", "ую", "юю", "ых", "их", "ым", "им", "ою", "ею", "а", "я", "у", "ю", "е", "ы",
        "и", "о", "ь", "й", "і", "ї", "є",
    ];

    // Names whose English form is not a transliteration (exonyms), by the start of their Cyrillic stem.
    private static readonly (string Cyrillic, string[] Latin)[] Exonyms =
    [
        ("росс", ["russia"]), ("русск", ["russia"]), ("москв", ["moscow"]), ("москов", ["moscow"]), ("киев", ["kyiv", "kiev"]),
        ("київ", ["kyiv", "kiev"]), ("кіеў", ["kyiv", "kiev"]), ("белорус", ["belarus"]), ("беларус", ["belarus"]),
        ("украин", ["ukraine"]), ("україн", ["ukraine"]), ("украін", ["ukraine"]), ("сша", ["us", "usa", "united"]),
        ("америк", ["america"]), ("европ", ["europe"]), ("германи", ["germany"]), ("польш", ["poland"]), ("литв", ["lithuania"]),
    ];

    private static readonly (string From, string To)[] Spellings =
    [
        ("shch", "s"), ("sch", "s"), ("sh", "s"), ("zh", "z"), ("ch", "c"), ("kh", "h"), ("ts", "c"), ("tz", "c"), ("cz", "c"),
        ("ck", "k"), ("x", "ks"), ("w", "v"), ("q", "k"), ("g", "h"), ("y", "i"), ("j", "i"),
    ];

    /// <summary>The keys of one word: usually one, more for exonyms ("Киев" → kyiv, kiev).</summary>
    public static IReadOnlyList<string> Of(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var lower = word.ToLowerInvariant();
        if (!lower.Any(CyrillicTransliterator.IsCyrillic))
        {
            return [Skeleton(WithoutDiacritics(lower))];
        }

        var stem = StripCaseEnding(lower);
        var keys = new List<string> { Skeleton(CyrillicTransliterator.ToLatin(stem)) };
        foreach (var (cyrillic, latin) in Exonyms)
        {
            if (stem.StartsWith(cyrillic, StringComparison.Ordinal))
            {
                keys.AddRange(latin.Select(Skeleton));
            }
        }

        return keys;
    }

    /// <summary>Equal keys, or one a prefix of the other that is long enough and not much shorter.</summary>
    public static bool Matches(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a == b)
        {
            return true;
        }

        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length >= MinPrefixLength
            && longer.Length - shorter.Length <= MaxExtraLetters
            && longer.StartsWith(shorter, StringComparison.Ordinal);
    }

    internal static string StripCaseEnding(string cyrillic)
    {
        foreach (var ending in CaseEndings)
        {
            if (cyrillic.Length - ending.Length >= 3 && cyrillic.EndsWith(ending, StringComparison.Ordinal))
            {
                return cyrillic[..^ending.Length];
            }
        }

        return cyrillic;
    }

    private static string Skeleton(string latin)
    {
        var text = latin.Replace("'", string.Empty, StringComparison.Ordinal).Replace("’", string.Empty, StringComparison.Ordinal);
        foreach (var (from, to) in Spellings)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        var collapsed = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (collapsed.Length == 0 || collapsed[^1] != c)
            {
                collapsed.Append(c);
            }
        }

        // A final vowel is where transliterations and declensions differ most (Lukashenka / Lukashenko).
        while (collapsed.Length > 3 && "aeiou".Contains(collapsed[^1], StringComparison.Ordinal))
        {
            collapsed.Length--;
        }

        return collapsed.ToString();
    }

    private static string WithoutDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            plain.Append(c);
        }

        return plain.ToString().Normalize(NormalizationForm.FormC);
    }
}

using System.Text.RegularExpressions;
using CorpusBot.Core.Text;

namespace CorpusBot.Core.Answering.Reader;

/// <summary>
/// Whether a sentence carries on the one before it, so that what the earlier one names is what this one is about:
/// "Splatoon 2 is a 2017 shooter by Nintendo. <em>It</em> was released on July 21, 2017", "<em>The game</em> was
/// released on December 1, 2017", a label and its value ("Release date. December 1, 2017"), or a title-case heading and
/// the line under it ("The 92nd Academy Awards | 2020 ... Joaquin Phoenix wins Best Actor"). The reader then judges
/// the answering sentence together with the one it continues, as a reader resolves "it" without thinking.
/// </summary>
public static partial class Continuation
{
    /// <summary>Longest label, in words, that introduces the next sentence's value ("Release date.", "Premiere Date:").</summary>
    private const int MaxLabelWords = 3;

    public static bool Continues(string previous, string sentence)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(sentence);
        return AnaphoricStart().IsMatch(sentence) || Tokenizer.Words(previous).Count is > 0 and <= MaxLabelWords
            || IsLabel(sentence)
            || (IsHeading(previous) && !RepeatsAName(previous, sentence));
    }

    /// <summary>
    /// A field's label ("Release date.", "Premiere Date:"): the name of a field of what the line before it names
    /// ("Xenoblade Chronicles 2 Expansion Pass Bundle ... Release date. December 1, 2017"), not a sentence of its own.
    /// </summary>
    private static bool IsLabel(string sentence) => Tokenizer.Words(sentence).Count is > 0 and <= MaxLabelWords && LabelEnd().IsMatch(sentence) && !sentence.Any(char.IsDigit);

    /// <summary>Longest heading, in words, that introduces the sentence after it.</summary>
    private const int MaxHeadingWords = 8;

    /// <summary>
    /// A heading in title case ("The 92nd Academy Awards | 2020"): every word capitalised or a number, save short
    /// function words. The sentence under it is about what it names ("Joaquin Phoenix wins Best Actor"). A line that
    /// names the same words twice ("2019 NBA Draft 2021 NBA Draft", a page's links to the editions before and after it)
    /// is a row of links, not the title of one thing.
    /// </summary>
    private static bool IsHeading(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetterOrDigit)).ToList();
        var named = words.Where(w => !TitleFunctionWord().IsMatch(w) && char.IsLetter(w.First(char.IsLetterOrDigit)))
            .Select(w => w.ToLowerInvariant()).ToList();
        return words.Count is >= 2 and <= MaxHeadingWords
            && words.TrueForAll(w => !char.IsLower(w.First(char.IsLetterOrDigit)) || TitleFunctionWord().IsMatch(w))
            && words.Exists(w => char.IsUpper(w.First(char.IsLetterOrDigit)))
            && named.Distinct(StringComparer.Ordinal).Count() == named.Count;
    }

    /// <summary>
    /// A sentence that names again a name or number of the heading ("2017 Walter Camp Award Semifinalist" / "Winner of
    /// the 2017 Johnny Unitas Award") says in full what it is about: it stands on its own rather than carrying the heading on.
    /// </summary>
    private static bool RepeatsAName(string heading, string sentence)
    {
        var named = NameOrNumber().Matches(heading).Select(m => m.Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return NameOrNumber().Matches(sentence).Any(m => named.Contains(m.Value.ToLowerInvariant()));
    }

    [GeneratedRegex(@"^(a|an|the|and|or|of|in|on|at|to|for|by|with|vs\.?)$")]
    private static partial Regex TitleFunctionWord();

    [GeneratedRegex(@"\b(\p{Lu}[\p{L}\-]+|\d+\w*)")]
    private static partial Regex NameOrNumber();

    [GeneratedRegex(@"\p{L}\s*[.:]\s*$")]
    private static partial Regex LabelEnd();

    /// <summary>A pronoun, or "the" with a common noun ("The game", "The company"), as the sentence's first words.</summary>
    [GeneratedRegex(@"^\W*(It|He|She|They|Its|His|Her|Their|This|These|Those|The\s+\p{Ll}[\p{L}\-]*)\b")]
    private static partial Regex AnaphoricStart();
}

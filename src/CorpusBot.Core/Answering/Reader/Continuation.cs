using System.Text.RegularExpressions;
using CorpusBot.Core.Text;

namespace CorpusBot.Core.Answering.Reader;

/// <summary>
/// Whether a sentence carries on the one before it, so that what the earlier one names is what this one is about:
/// "Splatoon 2 is a 2017 shooter by Nintendo. <em>It</em> was released on July 21, 2017", "<em>The game</em> was
/// released on December 1, 2017", or a label and its value ("Release date. December 1, 2017"). The reader then judges
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
        return AnaphoricStart().IsMatch(sentence) || Tokenizer.Words(previous).Count is > 0 and <= MaxLabelWords;
    }

    /// <summary>A pronoun, or "the" with a common noun ("The game", "The company"), as the sentence's first words.</summary>
    [GeneratedRegex(@"^\W*(It|He|She|They|Its|His|Her|Their|This|These|Those|The\s+\p{Ll}[\p{L}\-]*)\b")]
    private static partial Regex AnaphoricStart();
}

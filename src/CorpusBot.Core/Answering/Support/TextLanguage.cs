using CorpusBot.Core.Text;

namespace CorpusBot.Core.Answering.Support;

/// <summary>The writing system a text is mostly in.</summary>
public enum Script
{
    None,
    Latin,
    Cyrillic,
    Other,
}

/// <summary>
/// A rough language of a text: its script and, for Latin script, whether it reads as English (English
/// function words make up a fair share of it). Enough to tell whether an answer sentence can be compared
/// word by word with its quotes, or only by its numbers and names.
/// </summary>
/// <param name="English">Null when the text is too short to tell.</param>
public readonly record struct TextLanguage(Script Script, bool? English)
{
    private const int MinWordsToTell = 4;
    private const double MinEnglishShare = 0.15;

    public static TextLanguage Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int latin = 0, cyrillic = 0, other = 0;
        foreach (var c in text.Where(char.IsLetter))
        {
            if (CyrillicTransliterator.IsCyrillic(c))
            {
                cyrillic++;
            }
            else if (c <= '\u024F')
            {
                latin++;
            }
            else
            {
                other++;
            }
        }

        var script = latin + cyrillic + other == 0 ? Script.None
            : latin >= cyrillic && latin >= other ? Script.Latin
            : cyrillic >= other ? Script.Cyrillic
            : Script.Other;
        if (script != Script.Latin)
        {
            return new TextLanguage(script, null);
        }

        var words = Tokenizer.Words(text).Where(w => !char.IsDigit(w[0])).ToList();
        return new TextLanguage(script, words.Count < MinWordsToTell ? null : words.Count(StopWords.Contains) >= words.Count * MinEnglishShare);
    }

    /// <summary>Same script, and not one English and the other not (unknown counts as the same).</summary>
    public bool IsSameAs(TextLanguage other) =>
        Script == other.Script && (Script != Script.Latin || English is null || other.English is null || English == other.English);
}

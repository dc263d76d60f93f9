using System.Globalization;
using System.Text;

namespace CorpusBot.Core.Text;

/// <summary>
/// Word tokens for lexical matching: lower-cased, diacritics kept, split on anything that is not a
/// letter or digit. Apostrophes inside words are dropped ("Moscow's" → "moscow", "s" is discarded).
/// </summary>
public static class Tokenizer
{
    public static List<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else
            {
                // Any other character ends a word; after a possessive the lone "s" is dropped in Flush.
                Flush(current, words);
            }
        }

        Flush(current, words);
        return words;
    }

    /// <summary>Content words: not stop words, at least two characters (or a digit).</summary>
    public static List<string> ContentWords(string text) =>
        Words(text).Where(w => !StopWords.Contains(w) && (w.Length > 1 || char.IsDigit(w[0]))).ToList();

    /// <summary>A light stem so "soldiers"/"soldier", "treated"/"treating"/"treat" meet.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 3 || char.IsDigit(word[0]))
        {
            return word;
        }

        foreach (var suffix in Suffixes)
        {
            if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }

    private static readonly string[] Suffixes = ["ies", "ing", "ed", "es", "s", "ly"];

    private static void Flush(StringBuilder current, List<string> words)
    {
        if (current.Length == 0)
        {
            return;
        }

        var word = current.ToString();
        current.Clear();
        if (word != "s")
        {
            words.Add(word);
        }
    }
}

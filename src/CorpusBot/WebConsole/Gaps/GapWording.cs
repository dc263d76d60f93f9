using System.Globalization;
using System.Text;

namespace CorpusBot.WebConsole.Gaps;

/// <summary>
/// The key that groups refused questions of similar wording: lower case, accents and punctuation
/// dropped, common function words removed, a plural "s" trimmed, the remaining words sorted and
/// deduplicated. "When was the lighthouse built?" and "lighthouse: when built" share a key.
/// </summary>
internal static class GapWording
{
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "do", "does", "did", "of", "in", "on", "at", "to",
        "for", "by", "with", "and", "or", "it", "its", "this", "that", "there", "what", "which", "who", "whom", "when",
        "where", "why", "how", "can", "could", "you", "me", "i", "tell", "about", "please", "any", "from", "as",
    };

    public static string Key(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var words = new SortedSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var c in question.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                Add(words, word);
            }
        }

        Add(words, word);
        return string.Join(' ', words);
    }

    private static void Add(SortedSet<string> words, StringBuilder word)
    {
        if (word.Length == 0)
        {
            return;
        }

        var w = word.ToString();
        word.Clear();
        if (FunctionWords.Contains(w))
        {
            return;
        }

        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        words.Add(w);
    }
}

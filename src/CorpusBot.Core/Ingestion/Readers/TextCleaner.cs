using System.Globalization;
using System.Text;

namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>
/// The only changes made to decoded text: line endings become \n (also U+2028, U+2029, U+0085), and
/// invisible characters are removed: every format character (category Cf: zero-width space, joiners,
/// U+2060, U+FEFF, soft hyphen, bidi embeddings and overrides, tag characters) and every control
/// character other than tab and newline. Everything else is kept exactly, since stored text is what
/// quotes are verified against.
/// </summary>
internal static class TextCleaner
{
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c is '\u2028' or '\u2029' or '\u0085')
            {
                builder.Append('\n');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (!IsInvisible(CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, text[i + 1]))))
                {
                    builder.Append(c).Append(text[i + 1]);
                }

                i++;
            }
            else if (c is '\n' or '\t' || !IsInvisible(CharUnicodeInfo.GetUnicodeCategory(c)))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>One line: whitespace runs collapsed to single spaces, trimmed, cut to at most maxLength characters.</summary>
    public static string OneLine(string text, int maxLength)
    {
        var collapsed = string.Join(' ', Clean(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length <= maxLength)
        {
            return collapsed;
        }

        var cut = collapsed.LastIndexOf(' ', maxLength - 1);
        var end = cut > maxLength / 2 ? cut : maxLength - 1;
        if (char.IsHighSurrogate(collapsed[end - 1]))
        {
            end--;
        }

        return string.Concat(collapsed.AsSpan(0, end).TrimEnd(), "…");
    }

    private static bool IsInvisible(UnicodeCategory category) =>
        category is UnicodeCategory.Format or UnicodeCategory.Control;
}

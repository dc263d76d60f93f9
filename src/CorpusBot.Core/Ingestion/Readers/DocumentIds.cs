using System.Globalization;
using System.Text;

namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>
/// Turns a file name (or a JSONL id) into a document id that is safe to show and store: no control,
/// format or bidi-override characters, no path separators or characters file systems reserve,
/// whitespace collapsed, no leading or trailing dots, at most <see cref="MaxLength"/> characters.
/// An id is a label, never a path.
/// </summary>
internal static class DocumentIds
{
    public const int MaxLength = 100;

    private const string Reserved = "/\\:*?\"<>|";

    public static string Sanitize(string raw)
    {
        var builder = new StringBuilder(Math.Min(raw.Length, MaxLength * 2));
        var pendingSpace = false;
        foreach (var rune in raw.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                || rune.Value == 0xFFFD)
            {
                continue;
            }

            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            if (builder.Length + rune.Utf16SequenceLength > MaxLength)
            {
                break;
            }

            builder.Append(rune.IsAscii && Reserved.Contains((char)rune.Value, StringComparison.Ordinal) ? "_" : rune.ToString());
        }

        return builder.ToString().Trim().Trim('.').Trim();
    }
}

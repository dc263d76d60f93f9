using System.Globalization;
using System.Text;

namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>
/// Builds plain text from HTML text nodes: whitespace runs collapse to one space, block boundaries
/// become line breaks (a blank line between paragraphs), preformatted text is kept as written, and no
/// text starts or ends with a break.
/// </summary>
internal sealed class BlockTextWriter
{
    private readonly StringBuilder builder = new();
    private int pendingBreaks;
    private bool pendingSpace;

    public void Break(int lines) => pendingBreaks = Math.Max(pendingBreaks, lines);

    public void Space() => pendingSpace = true;

    public void Write(string text, bool preformatted)
    {
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format)
            {
                continue;
            }

            if (preformatted && c == '\n')
            {
                Flush();
                builder.Append('\n');
            }
            else if (!preformatted && char.IsWhiteSpace(c))
            {
                pendingSpace = true;
            }
            else
            {
                Flush();
                builder.Append(c);
            }
        }
    }

    public override string ToString() => builder.ToString();

    private void Flush()
    {
        if (builder.Length > 0 && pendingBreaks > 0)
        {
            while (builder.Length > 0 && builder[^1] == ' ')
            {
                builder.Length--;
            }

            builder.Append('\n', pendingBreaks);
        }
        else if (builder.Length > 0 && pendingSpace && builder[^1] is not ('\n' or ' '))
        {
            builder.Append(' ');
        }

        pendingBreaks = 0;
        pendingSpace = false;
    }
}

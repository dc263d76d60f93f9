using System.Text;

namespace CorpusBot.Telegram.Sending;

/// <summary>
/// Packs HTML blocks into messages of at most <see cref="MaxLength"/> characters, breaking only between
/// blocks (paragraphs); a block too long on its own is cut at whitespace and each piece re-wrapped, so
/// every message is well-formed HTML. Lengths are measured on the HTML, which is never shorter than
/// the text Telegram counts after parsing the entities.
/// </summary>
internal static class MessageSplitter
{
    public const int MaxLength = 4096;

    /// <summary>One block of the message: plain text wrapped in markup, plus an optional HTML suffix.</summary>
    /// <param name="Plain">Unescaped text.</param>
    /// <param name="Open">Markup before the escaped text, e.g. "&lt;blockquote&gt;".</param>
    /// <param name="Close">Markup after it.</param>
    /// <param name="Suffix">Ready HTML after the last piece, e.g. a citation label.</param>
    /// <param name="Bold">A span of <paramref name="Plain"/> shown bold (the short answer inside its quote); dropped if the block must be cut.</param>
    public sealed record Block(string Plain, string Open = "", string Close = "", string Suffix = "", Range? Bold = null)
    {
        /// <summary>A block of ready HTML, short enough never to be cut (e.g. the short-answer line).</summary>
        public static Block Markup(string html) => new(string.Empty, Suffix: html);

        /// <summary>The plain text escaped, with the bold span in &lt;b&gt;.</summary>
        public string EscapedText()
        {
            if (Bold is not { } bold)
            {
                return Html.Escape(Plain);
            }

            var (start, length) = bold.GetOffsetAndLength(Plain.Length);
            return Html.Escape(Plain[..start]) + "<b>" + Html.Escape(Plain.Substring(start, length)) + "</b>" + Html.Escape(Plain[(start + length)..]);
        }
    }

    public static IReadOnlyList<string> Split(IEnumerable<Block> blocks, int maxLength = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var messages = new List<string>();
        var current = new StringBuilder();
        foreach (var piece in blocks.SelectMany(b => Render(b, maxLength)))
        {
            if (current.Length > 0 && current.Length + 2 + piece.Length > maxLength)
            {
                messages.Add(current.ToString());
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append("\n\n");
            }

            current.Append(piece);
        }

        if (current.Length > 0)
        {
            messages.Add(current.ToString());
        }

        return messages;
    }

    private static IEnumerable<string> Render(Block block, int maxLength)
    {
        var whole = block.Open + block.EscapedText() + block.Close + block.Suffix;
        if (whole.Length <= maxLength)
        {
            yield return whole;
            yield break;
        }

        // Room for the suffix is kept in every piece: simpler, and the last piece always has it.
        var budget = Math.Max(1, maxLength - block.Open.Length - block.Close.Length - block.Suffix.Length);
        var rest = block.Plain;
        while (rest.Length > 0)
        {
            var take = FitEscaped(rest, budget);
            var piece = rest[..take];
            rest = rest[take..].TrimStart();
            yield return block.Open + Html.Escape(piece.TrimEnd()) + block.Close + (rest.Length == 0 ? block.Suffix : string.Empty);
        }
    }

    /// <summary>How many characters of <paramref name="text"/> fit in <paramref name="budget"/> once escaped, cut at whitespace when possible.</summary>
    private static int FitEscaped(string text, int budget)
    {
        var used = 0;
        var fit = 0;
        while (fit < text.Length)
        {
            var cost = text[fit] switch { '&' => 5, '<' or '>' => 4, _ => 1 };
            if (used + cost > budget)
            {
                break;
            }

            used += cost;
            fit++;
        }

        if (fit >= text.Length)
        {
            return text.Length;
        }

        var space = text.LastIndexOfAny([' ', '\n', '\t'], Math.Max(0, fit - 1));
        var cut = space > fit / 2 ? space + 1 : fit;
        // Never cut a surrogate pair in half.
        if (cut > 0 && cut < text.Length && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return Math.Max(1, cut);
    }
}

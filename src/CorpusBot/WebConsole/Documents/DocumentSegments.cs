namespace CorpusBot.WebConsole.Documents;

/// <summary>One piece of a document laid out for reading: text, a passage boundary, or the edge of the highlighted quote.</summary>
internal abstract record DocumentSegment;

internal sealed record TextSegment(string Text) : DocumentSegment;

/// <summary>Passage number <paramref name="Ordinal"/> begins here (rendered as an empty marker so it adds no text).</summary>
internal sealed record PassageStart(int Ordinal, int Offset) : DocumentSegment;

internal sealed record MarkStart : DocumentSegment;

internal sealed record MarkEnd : DocumentSegment;

/// <summary>Cuts a whole document into segments at passage starts and at the edges of one highlighted range.</summary>
internal static class DocumentSegments
{
    public static IReadOnlyList<DocumentSegment> Build(string text, IReadOnlyList<PassageSpan> passages, (int Start, int End)? highlight)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(passages);
        // Cut points in order; at one offset a mark closes before a passage begins, and opens after it,
        // so the highlighted element holds exactly the quote's text.
        var cuts = new List<(int Offset, int Order, DocumentSegment Segment)>();
        foreach (var p in passages)
        {
            cuts.Add((SafeOffset(text, p.Start), 1, new PassageStart(p.Ordinal, p.Start)));
        }

        if (highlight is { } h && h.Start >= 0 && h.End <= text.Length && h.End > h.Start)
        {
            cuts.Add((h.Start, 2, new MarkStart()));
            cuts.Add((h.End, 0, new MarkEnd()));
        }

        cuts.Sort((a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : a.Order.CompareTo(b.Order));
        var segments = new List<DocumentSegment>();
        var at = 0;
        foreach (var (offset, _, segment) in cuts)
        {
            if (offset > at)
            {
                segments.Add(new TextSegment(text[at..offset]));
                at = offset;
            }

            segments.Add(segment);
        }

        if (at < text.Length)
        {
            segments.Add(new TextSegment(text[at..]));
        }

        return segments;
    }

    /// <summary>A boundary marker never splits a surrogate pair (it would turn an emoji into two broken halves).</summary>
    private static int SafeOffset(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        return offset > 0 && offset < text.Length && char.IsLowSurrogate(text[offset]) && char.IsHighSurrogate(text[offset - 1])
            ? offset + 1
            : offset;
    }
}

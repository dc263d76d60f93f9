using CorpusBot.Core.Answering;

namespace CorpusBot.WebConsole.Documents;

/// <summary>
/// A cited quote inside the passage(s) that hold it: the text before, the quote, the text after.
/// Offsets are UTF-16 code units, as in <see cref="Citation"/> and .NET strings (and JavaScript's), so
/// emoji, Cyrillic and combining marks cut nowhere else than the answerer cut them.
/// </summary>
internal sealed record QuoteInContext(Citation Citation, bool Verified, string Before, string Quote, string After, int ContextStart)
{
    /// <summary>
    /// Places <paramref name="citation"/> in <paramref name="documentText"/>. When the stored text no
    /// longer holds the quote at its offsets (the document changed or was removed) the quote is shown
    /// alone and marked unverified: it is never highlighted over other text.
    /// </summary>
    public static QuoteInContext Build(Citation citation, string? documentText, IReadOnlyList<PassageSpan> passages)
    {
        ArgumentNullException.ThrowIfNull(citation);
        ArgumentNullException.ThrowIfNull(passages);
        if (documentText is null || !QuoteVerifier.Matches(documentText, citation))
        {
            return new QuoteInContext(citation, false, string.Empty, citation.Quote, string.Empty, 0);
        }

        var start = citation.Start;
        var end = citation.End;
        foreach (var p in passages)
        {
            if (p.Start < citation.End && p.End > citation.Start)
            {
                start = Math.Min(start, p.Start);
                end = Math.Max(end, p.End);
            }
        }

        start = Math.Clamp(start, 0, citation.Start);
        end = Math.Clamp(end, citation.End, documentText.Length);
        return new QuoteInContext(
            citation,
            true,
            documentText[start..citation.Start],
            documentText[citation.Start..citation.End],
            documentText[citation.End..end],
            start);
    }
}

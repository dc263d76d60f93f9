using CorpusBot.Core.Diagnostics;
using CorpusBot.Core.Storage;

namespace CorpusBot.Core.Answering;

/// <summary>
/// The last gate before anything is shown: a quote is shown only if it is exactly the stored
/// document's text between its offsets. Both answerers pass every citation through here; code
/// enforces verbatim quoting, not a prompt.
/// </summary>
public sealed class QuoteVerifier(DocumentStore documents)
{
    /// <summary>True when <paramref name="citation"/>.Quote equals the stored text at its offsets.</summary>
    public async Task<bool> VerifyAsync(Citation citation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(citation);
        var document = await documents.GetAsync(citation.DocumentId, cancellationToken);
        return document is not null && Matches(document.Text, citation);
    }

    /// <summary>Keeps only the citations that verify, in order.</summary>
    public async Task<IReadOnlyList<Citation>> FilterVerifiedAsync(IEnumerable<Citation> citations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(citations);
        using var span = CoreActivities.Start(CoreActivities.Verify);
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        var verified = new List<Citation>();
        foreach (var citation in citations)
        {
            if (!texts.TryGetValue(citation.DocumentId, out var text))
            {
                text = (await documents.GetAsync(citation.DocumentId, cancellationToken))?.Text;
                texts[citation.DocumentId] = text;
            }

            if (text is not null && Matches(text, citation))
            {
                verified.Add(citation);
            }
        }

        return verified;
    }

    /// <summary>
    /// Finds <paramref name="quote"/> verbatim in the stored document (preferring the occurrence nearest
    /// <paramref name="nearOffset"/>) and returns a citation with its offsets, or null when the document
    /// does not contain it exactly. Used for model-produced quotes, which come without offsets.
    /// </summary>
    public async Task<Citation?> LocateAsync(string documentId, string quote, int nearOffset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var trimmed = quote.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        var document = await documents.GetAsync(documentId, cancellationToken);
        if (document is null)
        {
            return null;
        }

        var best = -1;
        for (var at = document.Text.IndexOf(trimmed, StringComparison.Ordinal); at >= 0;
             at = document.Text.IndexOf(trimmed, at + 1, StringComparison.Ordinal))
        {
            if (best < 0 || Math.Abs(at - nearOffset) < Math.Abs(best - nearOffset))
            {
                best = at;
            }
        }

        return best < 0 ? null : new Citation(document.Id, document.Title, trimmed, best, best + trimmed.Length, document.Url);
    }

    public static bool Matches(string documentText, Citation citation)
    {
        ArgumentNullException.ThrowIfNull(documentText);
        ArgumentNullException.ThrowIfNull(citation);
        return citation.Start >= 0
            && citation.End <= documentText.Length
            && citation.End > citation.Start
            && citation.Quote.Length == citation.End - citation.Start
            && documentText.AsSpan(citation.Start, citation.End - citation.Start).SequenceEqual(citation.Quote);
    }
}

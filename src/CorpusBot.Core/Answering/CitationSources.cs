using CorpusBot.Core.Storage;

namespace CorpusBot.Core.Answering;

/// <summary>
/// Fills in where each verified quote comes from, from the stored document: title, URL, publisher,
/// publication date and (for PDFs) the page the quote starts on. Answerers cite by document id and
/// offsets; this is the one place that knows the rest, so every answerer's citations read the same.
/// </summary>
public sealed class CitationSources(DocumentStore documents)
{
    public async Task<Answer> DescribeAsync(Answer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Citations.Count == 0)
        {
            return answer;
        }

        var described = new List<Citation>(answer.Citations.Count);
        var cache = new Dictionary<string, Documents.StoredDocument?>(StringComparer.Ordinal);
        foreach (var citation in answer.Citations)
        {
            if (!cache.TryGetValue(citation.DocumentId, out var document))
            {
                document = await documents.GetAsync(citation.DocumentId, cancellationToken);
                cache[citation.DocumentId] = document;
            }

            described.Add(document is null ? citation : citation with
            {
                Title = document.Title,
                Url = document.Url ?? citation.Url,
                Publisher = document.Source,
                Published = document.Published,
                Page = document.PageAt(citation.Start),
            });
        }

        return answer with { Citations = described };
    }
}

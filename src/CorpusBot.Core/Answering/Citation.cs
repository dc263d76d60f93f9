namespace CorpusBot.Core.Answering;

/// <summary>A verified verbatim quote: Text == document.Text[Start..End].</summary>
/// <param name="Publisher">The document's publisher or site name, when known.</param>
/// <param name="Published">The document's publication date ("yyyy-MM-dd"), when known. Shown, never used as an answer by itself.</param>
/// <param name="Page">For PDFs: the 1-based page on which the quote starts; null for other documents.</param>
public sealed record Citation(
    string DocumentId,
    string Title,
    string Quote,
    int Start,
    int End,
    string? Url = null,
    string? Publisher = null,
    string? Published = null,
    int? Page = null)
{
    /// <summary>"Title, Publisher, 2026-01-22, p. 3": the parts that are known, in that order.</summary>
    public string SourceLine => string.Join(", ", new[] { Title }.Concat(Details));

    /// <summary>Publisher, date and page, each only when known.</summary>
    public IEnumerable<string> Details
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(Publisher) && !string.Equals(Publisher, Title, StringComparison.Ordinal))
            {
                yield return Publisher;
            }

            if (!string.IsNullOrWhiteSpace(Published))
            {
                yield return Published;
            }

            if (Page is { } page)
            {
                yield return $"p. {page.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            }
        }
    }
}

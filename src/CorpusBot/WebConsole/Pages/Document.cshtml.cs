using CorpusBot.Core.Documents;
using CorpusBot.Core.Storage;
using CorpusBot.WebConsole.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CorpusBot.WebConsole.Pages;

/// <summary>
/// A stored document in full, as the bot holds it, with its passage boundaries; with start and end
/// given (a quote's offsets), that range is highlighted and the page opens at it (#quote).
/// Moderators need this as much as maintainers: it is where a quote is judged in its context.
/// </summary>
internal sealed class DocumentModel(DocumentStore documents, PassageQueries passages) : PageModel
{
    public StoredDocument Document { get; private set; } = null!;

    public IReadOnlyList<DocumentSegment> Segments { get; private set; } = [];

    public (int Start, int End)? Highlight { get; private set; }

    public bool HighlightVerified { get; private set; }

    /// <summary>The text with its passage markers and highlight, encoded (whitespace is kept exactly: the element is pre-wrap).</summary>
    public Microsoft.AspNetCore.Html.HtmlString Html => new(DocumentHtml.Render(Segments));

    public async Task<IActionResult> OnGetAsync(string? id, int? start, int? end, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id) || await documents.GetAsync(id, cancellationToken) is not { } document)
        {
            return NotFound();
        }

        Document = document;
        if (start is { } s && end is { } e)
        {
            Highlight = (s, e);
            HighlightVerified = s >= 0 && e > s && e <= document.Text.Length;
        }

        Segments = DocumentSegments.Build(document.Text, await passages.OfAsync(id, cancellationToken), HighlightVerified ? Highlight : null);
        return Page();
    }
}

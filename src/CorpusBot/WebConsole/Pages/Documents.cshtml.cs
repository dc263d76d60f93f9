using System.Globalization;
using CorpusBot.Core.Documents;
using CorpusBot.Core.Feeds;
using CorpusBot.Core.Ingestion;
using CorpusBot.Core.Ingestion.Readers;
using CorpusBot.Core.Storage;
using CorpusBot.Telegram.Commands;
using CorpusBot.Telegram.Moderation;
using CorpusBot.Telegram.Uploads;
using CorpusBot.WebConsole.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CorpusBot.WebConsole.Pages;

/// <summary>
/// The corpus (maintainers): list and search, upload a file, add by URL or as text, remove. Files and
/// pages go through the same readers and address rules as /add in Telegram; every change is audited
/// by the ingestor or remover under the maintainer's Telegram id.
/// </summary>
[Authorize(Policy = ConsoleRoles.MaintainerPolicy)]
internal sealed class DocumentsModel(
    DocumentStore documents,
    DocumentIngestor ingestor,
    CorpusRemover remover,
    IUploadReader reader,
    UrlFetcher fetcher,
    DocumentSourceStore sources,
    IOptions<IngestionOptions> ingestion) : PageModel
{
    public const string Origin = "console";

    public string? Query { get; private set; }

    public int Total { get; private set; }

    public IReadOnlyList<DocumentSummary> Shown { get; private set; } = [];

    public IReadOnlyCollection<string> Extensions => reader.Extensions;

    public int MaxBytes => ingestion.Value.MaxFileBytes;

    public async Task OnGetAsync(string? q, CancellationToken cancellationToken)
    {
        Query = q?.Trim();
        var all = await documents.ListAsync(cancellationToken);
        Total = all.Count;
        Shown = string.IsNullOrEmpty(Query)
            ? all
            : [.. all.Where(d => Matches(d.Title) || Matches(d.Id) || Matches(d.Source))];
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, string? replace, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return Done("Choose a file to upload.", error: true);
        }

        if (file.Length > MaxBytes)
        {
            return Done(string.Create(CultureInfo.InvariantCulture, $"Not added: the file is {file.Length:N0} bytes, over the limit of {MaxBytes:N0} bytes (Corpus:MaxFileBytes)."), error: true);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return await IngestAsync(reader.Read(file.FileName, buffer.ToArray()), replace == "yes", cancellationToken);
    }

    public async Task<IActionResult> OnPostUrlAsync(string? url, CancellationToken cancellationToken)
    {
        if (url is null || !UrlFetcher.LooksLikeUrl(url.Trim()))
        {
            return Done("Not added: give an absolute http:// or https:// address.", error: true);
        }

        return await IngestAsync(await fetcher.FetchAsync(new Uri(url.Trim()), cancellationToken), replace: false, cancellationToken);
    }

    public Task<IActionResult> OnPostTextAsync(string? title, string? text, string? replace, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(text)
            ? Task.FromResult<IActionResult>(Done("Not added: give a title and the text.", error: true))
            : IngestAsync(AddCommand.FromText(title.Trim().ReplaceLineEndings(" ") + "\n" + text), replace == "yes", cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(string? id, string? confirm, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id) || confirm != "yes")
        {
            return Done("Tick \"sure\" to remove a document.", error: true);
        }

        var removed = await remover.RemoveAsync(id, Actor, cancellationToken);
        return Done(removed ? $"Removed {id}." : $"No document {id}; nothing removed.", error: !removed);
    }

    private string Actor => ModerationStore.Actor(ConsoleRoles.UserId(User));

    /// <summary>As /add: a different document under the same id is replaced only when asked (the same URL fetched again always updates).</summary>
    private async Task<IActionResult> IngestAsync(UploadResult read, bool replace, CancellationToken cancellationToken)
    {
        if (read.Document is not { } document)
        {
            return Done(read.Error ?? "Not added.", error: true);
        }

        if (await AddCommand.ClashAsync(documents, document, replace, cancellationToken) is { } existing)
        {
            return Done($"Not added: a different document already has the id {existing.Id} (\"{existing.Title}\"). Tick \"replace\" to replace it.", error: true);
        }

        var outcome = await ingestor.IngestAsync(document, Origin, Actor, cancellationToken);
        await sources.TrackAddedAsync(document, outcome, cancellationToken); // a URL's page is re-checked on schedule
        return outcome.Status switch
        {
            IngestStatus.Rejected => Done($"Not added: {outcome.Reason}", error: true),
            IngestStatus.Unchanged => Done($"Already present, nothing changed: {outcome.DocumentId} ({outcome.Title})."),
            _ => Done($"{outcome.Status}: {outcome.DocumentId} ({outcome.Title}), {outcome.Chunks} passages."),
        };
    }

    private RedirectToPageResult Done(string message, bool error = false)
    {
        TempData[error ? "Error" : "Flash"] = message;
        return RedirectToPage();
    }

    private bool Matches(string? value) => value is not null && value.Contains(Query!, StringComparison.OrdinalIgnoreCase);
}

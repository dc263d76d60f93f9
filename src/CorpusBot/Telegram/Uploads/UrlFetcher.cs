using CorpusBot.Core.Fetching;

namespace CorpusBot.Telegram.Uploads;

/// <summary>
/// /add URL: fetches the page through <see cref="SafeFetcher"/> (public addresses, ports 80/443, redirects
/// checked, size and time capped) and reduces HTML to text. Only maintainers can reach this.
/// </summary>
internal sealed class UrlFetcher(SafeFetcher fetcher, IUploadReader reader)
{
    public static bool LooksLikeUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public async Task<UploadResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        var fetch = await FetchAsync(url, null, null, cancellationToken);
        return fetch.Refused is { } reason ? UploadResult.Fail(BotTexts.FetchFailed(reason)) : fetch.Result;
    }

    /// <summary>
    /// A conditional fetch (feeds and re-crawls): NotModified when the server says the copy held is
    /// current, otherwise the document read from the page (or why not) with the validators to keep.
    /// </summary>
    public async Task<PageFetch> FetchAsync(Uri url, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        try
        {
            var page = await fetcher.FetchAsync(url, etag, lastModified, cancellationToken);
            return page.NotModified
                ? new PageFetch(UploadResult.Fail("not modified"), NotModified: true, page.ETag, page.LastModified)
                : new PageFetch(ToDocument(url, page.MediaType, page.Content), NotModified: false, page.ETag, page.LastModified);
        }
        catch (FetchRefusedException e)
        {
            return new PageFetch(UploadResult.Fail(e.Message), NotModified: false, null, null, Refused: e.Message);
        }
    }

    /// <summary>The id of the document read from <paramref name="url"/>: the whole URL but its fragment is its identity (?id=1 and ?id=2 are two documents).</summary>
    public static string IdOf(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return DocumentIds.From(url.Host + url.AbsolutePath, url.GetLeftPart(UriPartial.Query));
    }

    /// <summary>Reads the page through the upload reader (encoding detection, visible text only), then records where it came from.</summary>
    private UploadResult ToDocument(Uri url, string? mediaType, byte[] bytes)
    {
        var media = mediaType ?? "text/html";
        var extension = media switch
        {
            "text/html" or "application/xhtml+xml" => ".html",
            "text/plain" => ".txt",
            "text/markdown" => ".md",
            "application/pdf" => ".pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => ".docx",
            // Servers that do not know the type: trust the file's own extension, for the binary formats only.
            "application/octet-stream" or "binary/octet-stream" => BinaryExtension(url),
            _ => null,
        };
        if (extension is null)
        {
            return UploadResult.Fail(media is "application/rss+xml" or "application/atom+xml"
                ? $"Not added: that is a news feed ({media}), not an article. Follow it with /follow {url.AbsoluteUri} (or `corpusbot feeds add`)."
                : $"{media} pages are not supported (HTML, plain text, PDF or Word only)");
        }

        var id = IdOf(url);
        var read = reader.Read(id + extension, bytes);
        if (read.Document is not { } document)
        {
            return read;
        }

        var title = document.Title == id || string.IsNullOrWhiteSpace(document.Title) ? url.AbsoluteUri : document.Title;
        return UploadResult.Ok(document with { Id = id, Title = title, Url = url.AbsoluteUri, Source = document.Source ?? url.Host });
    }

    private static string? BinaryExtension(Uri url)
    {
        var extension = Path.GetExtension(url.AbsolutePath).ToLowerInvariant();
        return extension is ".pdf" or ".docx" ? extension : null;
    }
}

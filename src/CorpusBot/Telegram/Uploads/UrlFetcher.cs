using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace CorpusBot.Telegram.Uploads;

/// <summary>
/// /add URL: fetches an http(s) page with a timeout and a size cap (checked on Content-Length and
/// again while reading), and reduces HTML to text. Only maintainers can reach this.
/// </summary>
internal sealed class UrlFetcher(IHttpClientFactory httpClients, IUploadReader reader, IOptions<TelegramOptions> options)
{
    public const string HttpClientName = "corpusbot-fetch";

    public static bool LooksLikeUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public async Task<UploadResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var limit = options.Value.FetchMaxBytes;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.FetchTimeoutSeconds));
        try
        {
            using var http = httpClients.CreateClient(HttpClientName);
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return UploadResult.Fail($"the server answered {(int)response.StatusCode}");
            }

            if (response.Content.Headers.ContentLength > limit)
            {
                return UploadResult.Fail($"the page is larger than {limit / 1024} KB");
            }

            var bytes = await ReadCappedAsync(response.Content, limit, timeout.Token);
            if (bytes is null)
            {
                return UploadResult.Fail($"the page is larger than {limit / 1024} KB");
            }

            return ToDocument(url, response.Content.Headers.ContentType, bytes);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return UploadResult.Fail($"no answer within {options.Value.FetchTimeoutSeconds} s");
        }
        catch (HttpRequestException e)
        {
            return UploadResult.Fail(e.HttpRequestError.ToString());
        }
    }

    /// <summary>Reads the page through the upload reader (encoding detection, visible text only), then records where it came from.</summary>
    private UploadResult ToDocument(Uri url, MediaTypeHeaderValue? type, byte[] bytes)
    {
        var media = type?.MediaType ?? "text/html";
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
            return UploadResult.Fail($"{media} pages are not supported (HTML, plain text, PDF or Word only)");
        }

        var id = DocumentIds.From(url.Host + url.AbsolutePath, url.AbsoluteUri);
        var read = reader.Read(id + extension, bytes);
        if (read.Document is not { } document)
        {
            return read;
        }

        var title = document.Title == id || string.IsNullOrWhiteSpace(document.Title) ? url.AbsoluteUri : document.Title;
        return UploadResult.Ok(document with { Id = id, Title = title, Url = url.AbsoluteUri, Source = url.Host });
    }

    private static string? BinaryExtension(Uri url)
    {
        var extension = Path.GetExtension(url.AbsolutePath).ToLowerInvariant();
        return extension is ".pdf" or ".docx" ? extension : null;
    }

    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

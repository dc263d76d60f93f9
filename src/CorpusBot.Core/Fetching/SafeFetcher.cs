using System.Net;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Fetching;

/// <summary>
/// Fetches a URL on someone's behalf, safely: http(s) only, ports 80/443, public addresses only
/// (checked at connect time by <see cref="SafeFetchHandler"/>), redirects followed by hand and each
/// target checked the same way (at most <see cref="FetchOptions.MaxRedirects"/>), size and time capped.
/// A singleton over the named HttpClient <see cref="HttpClientName"/> (<see cref="FetchServiceCollectionExtensions.AddSafeFetch"/>):
/// inject it wherever a URL someone gave is fetched.
/// </summary>
public sealed class SafeFetcher(IHttpClientFactory httpClients, IOptions<FetchOptions> options)
{
    public const string HttpClientName = "SafeFetch";

    /// <summary>The page at <paramref name="url"/>; throws <see cref="FetchRefusedException"/> with a reason fit for users.</summary>
    public Task<FetchedPage> FetchAsync(Uri url, CancellationToken cancellationToken) => FetchAsync(url, null, null, cancellationToken);

    /// <summary>
    /// A conditional GET: with the ETag and Last-Modified of the copy held, a 304 comes back as a page
    /// with <see cref="FetchedPage.NotModified"/> set and no body (feeds and re-crawls).
    /// </summary>
    public async Task<FetchedPage> FetchAsync(Uri url, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var settings = options.Value;
        var rules = new AddressRules(settings);
        using var http = httpClients.CreateClient(HttpClientName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            var current = url;
            for (var hop = 0; ; hop++)
            {
                Check(current, rules);
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                if (!string.IsNullOrEmpty(etag))
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                }

                if (!string.IsNullOrEmpty(lastModified))
                {
                    request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
                }

                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (IsRedirect(response.StatusCode))
                {
                    if (hop >= settings.MaxRedirects)
                    {
                        throw new FetchRefusedException($"more than {settings.MaxRedirects} redirects");
                    }

                    current = response.Headers.Location is { } location
                        ? new Uri(current, location)
                        : throw new FetchRefusedException($"the server answered {(int)response.StatusCode} without a Location");
                    continue;
                }

                var newTag = response.Headers.ETag?.ToString();
                var newModified = response.Content.Headers.LastModified?.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                if (response.StatusCode == HttpStatusCode.NotModified && (etag is not null || lastModified is not null))
                {
                    return new FetchedPage(current, null, null, [], newTag ?? etag, newModified ?? lastModified, NotModified: true);
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new FetchRefusedException($"the server answered {(int)response.StatusCode}");
                }

                if (response.Content.Headers.ContentLength > settings.MaxBytes)
                {
                    throw new FetchRefusedException(TooLarge(settings.MaxBytes));
                }

                var bytes = await ReadCappedAsync(response.Content, settings.MaxBytes, timeout.Token);
                var type = response.Content.Headers.ContentType;
                return new FetchedPage(current, type?.MediaType, type?.CharSet, bytes, newTag, newModified);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchRefusedException($"no answer within {settings.TimeoutSeconds} s");
        }
        catch (HttpRequestException e) when (e.InnerException is FetchRefusedException refused)
        {
            throw new FetchRefusedException(refused.Message, e);
        }
        catch (HttpRequestException e)
        {
            throw new FetchRefusedException(Describe(e), e);
        }
    }

    /// <summary>Scheme and port, and a literal address, checked before any connection is attempted.</summary>
    private static void Check(Uri url, AddressRules rules)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new FetchRefusedException($"only http and https links can be fetched, not {url.Scheme}");
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            throw new FetchRefusedException("links with a user name or password are not fetched");
        }

        var literal = url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 ? IPAddress.Parse(url.IdnHost.Trim('[', ']')) : null;
        if (literal is not null && rules.Refusal(literal) is { } why)
        {
            throw new FetchRefusedException($"{url.Host} is {why}; refused");
        }

        // A host name may resolve to an allow-listed address: its port is checked again at connect time.
        if (rules.PortRefusal(url.Port, literal) is { } port && (literal is not null || !rules.HasAllowList))
        {
            throw new FetchRefusedException(port);
        }
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static string Describe(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "the host name could not be resolved",
        HttpRequestError.ConnectionError => "the server could not be reached",
        HttpRequestError.SecureConnectionError => "the secure connection failed",
        _ => "the request failed (" + e.HttpRequestError + ")",
    };

    private static string TooLarge(int limit) => $"the page is larger than {limit / 1024} KB";

    private static async Task<byte[]> ReadCappedAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new FetchRefusedException(TooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

namespace CorpusBot.Core.Fetching;

/// <summary>A fetched body: where it finally came from (after redirects), its media type and its bytes.</summary>
/// <param name="ETag">The validators to send next time (conditional GET), when the server gave them.</param>
/// <param name="NotModified">The server answered 304 to a conditional GET: no body, the copy held is current.</param>
public sealed record FetchedPage(
    Uri Url, string? MediaType, string? CharSet, byte[] Content, string? ETag = null, string? LastModified = null, bool NotModified = false);

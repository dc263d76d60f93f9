namespace CorpusBot.Core.Fetching;

/// <summary>A fetched body: where it finally came from (after redirects), its media type and its bytes.</summary>
public sealed record FetchedPage(Uri Url, string? MediaType, string? CharSet, byte[] Content);

namespace CorpusBot.Core.Feeds;

/// <summary>A document added from a URL, with what a conditional re-fetch needs and whom its updates are audited under.</summary>
public sealed record DocumentSource(string DocumentId, Uri Url, string Actor, string? ETag, string? LastModified, DateTimeOffset CheckedAt);

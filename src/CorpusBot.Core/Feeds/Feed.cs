namespace CorpusBot.Core.Feeds;

/// <summary>A followed feed and its polling state, as /feeds and `corpusbot feeds list` show it.</summary>
public sealed record Feed(
    long Id,
    Uri Url,
    string? Title,
    string AddedBy,
    DateTimeOffset AddedAt,
    string? ETag,
    string? LastModified,
    DateTimeOffset? CheckedAt,
    DateTimeOffset? NextCheckAt,
    int Failures,
    string? LastError,
    int Items)
{
    /// <summary>The name changes are audited under: "feed:Title" (or the URL before the first successful poll).</summary>
    public string Actor => "feed:" + (Title ?? Url.AbsoluteUri);
}

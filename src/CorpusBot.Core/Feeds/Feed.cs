namespace CorpusBot.Core.Feeds;

/// <summary>A followed feed and its polling state, as /feeds and `corpusbot feeds list` show it.</summary>
/// <param name="Items">Documents stored from it.</param>
/// <param name="FailedItems">Entries not stored (their page failed; tried again up to Feeds:MaxItemAttempts).</param>
/// <param name="LastItemError">The latest of those: its link and why.</param>
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
    int Items,
    int FailedItems = 0,
    string? LastItemError = null)
{
    /// <summary>The name changes are audited under: "feed:Title" (or the URL before the first successful poll).</summary>
    public string Actor => "feed:" + (Title ?? Url.AbsoluteUri);
}

namespace CorpusBot.Core.Feeds;

/// <summary>One item of a feed: a stable key (its id or link), the article's URL, title and date ("yyyy-MM-dd").</summary>
public sealed record FeedEntry(string Key, Uri? Url, string? Title, string? Published);

using CorpusBot.Core.Feeds;

namespace CorpusBot.Feeds;

/// <summary>A feed followed and its first poll, or why it was not followed (a reason naming the URL).</summary>
public sealed record FollowResult(Feed? Feed, FeedPollResult? FirstPoll, string? Error);

using System.Globalization;
using CorpusBot.Core.Feeds;
using CorpusBot.Feeds;
using CorpusBot.Telegram.Moderation;
using CorpusBot.Telegram.Sending;
using CorpusBot.Telegram.Uploads;
using Telegram.Bot.Types;

namespace CorpusBot.Telegram.Commands;

/// <summary>/follow URL, /feeds and /unfollow ID (maintainers, private chats): the feeds that keep the corpus fresh.</summary>
internal sealed class FeedCommands(FeedPoller poller, FeedStore feeds, BotSender sender)
{
    public const string FollowUsage = "Send /follow followed by the URL of an RSS or Atom feed, e.g. /follow https://example.org/news/rss.xml";
    public const string UnfollowUsage = "Send /unfollow followed by the feed's number, as /feeds lists it, e.g. /unfollow 2";

    /// <summary>Follows the feed and stores its current entries at once, so the reply says what was added.</summary>
    public async Task FollowAsync(Message message, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var url = arguments.Trim();
        string reply;
        if (!UrlFetcher.LooksLikeUrl(url) || url.Contains(' ', StringComparison.Ordinal))
        {
            reply = FollowUsage;
        }
        else
        {
            using var typing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var indicator = sender.KeepTypingAsync(message.Chat.Id, typing.Token);
            try
            {
                var result = await poller.FollowAsync(new Uri(url), Actor(message), cancellationToken);
                reply = result is { Feed: { } feed, FirstPoll: { } first }
                    ? $"Following {FeedListing.Polled(first)}. New items are fetched every poll; /feeds lists the feeds, /unfollow {feed.Id} stops."
                    : $"Not followed: {result.Error}.";
            }
            finally
            {
                await typing.CancelAsync();
                await indicator;
            }
        }

        await sender.SendTextAsync(message.Chat.Id, reply, null, message.Id, cancellationToken);
    }

    public async Task ListAsync(Message message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var all = await feeds.ListAsync(cancellationToken);
        var blocks = all.Count == 0 ? [FeedListing.None] : all.Select(FeedListing.Describe);
        // Titles and errors come from other people's servers: the splitter escapes them.
        foreach (var part in MessageSplitter.Split(blocks.Select(b => new MessageSplitter.Block(b))))
        {
            await sender.SendHtmlAsync(message.Chat.Id, part, null, message.Id, cancellationToken);
        }
    }

    public async Task UnfollowAsync(Message message, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var reply = !long.TryParse(arguments.Trim().TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? UnfollowUsage
            : await feeds.RemoveAsync(id, Actor(message), cancellationToken)
                ? $"Unfollowed feed #{id}. The documents it brought stay; /remove removes one."
                : $"No feed #{id}. /feeds lists the feeds.";
        await sender.SendTextAsync(message.Chat.Id, reply, null, message.Id, cancellationToken);
    }

    private static string Actor(Message message) => ModerationStore.Actor(Roles.PersonOf(message) ?? 0);
}

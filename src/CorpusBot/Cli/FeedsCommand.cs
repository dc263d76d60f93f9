using System.CommandLine;
using CorpusBot.Core.Feeds;
using CorpusBot.Feeds;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Cli;

/// <summary>`corpusbot feeds add URL | list | remove ID | poll`: the feeds `corpusbot bot` polls (every Feeds:Interval).</summary>
internal static class FeedsCommand
{
    public static Command Create()
    {
        var command = new Command(
            "feeds",
            "Follow RSS or Atom feeds: their new items are added as documents, with their URL and date, by `corpusbot bot` every Feeds:Interval (or now by `feeds poll`).");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Remove());
        command.Subcommands.Add(Poll());
        return command;
    }

    private static Command Add()
    {
        var url = new Argument<string>("url") { Description = "The feed's http(s) URL, e.g. https://example.org/news/rss.xml." };
        var add = new Command("add", "Follow a feed: it is fetched now, refused if it is not RSS or Atom, and its current items are added.") { url };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(url) ?? string.Empty;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                await Console.Error.WriteLineAsync($"'{text}' is not an http or https URL.");
                return ExitCodes.Usage;
            }

            using var host = await CliContext.StartWithCorpusAsync(parse, seedIfEmpty: false, cancellationToken);
            var result = await host.Services.GetRequiredService<FeedPoller>().FollowAsync(uri, Actor, cancellationToken);
            if (result is not { Feed: { } feed, FirstPoll: { } first })
            {
                await Console.Error.WriteLineAsync($"Not followed: {result.Error}.");
                return ExitCodes.Failure;
            }

            await Console.Out.WriteLineAsync($"Following feed {FeedListing.Polled(first)}. `corpusbot bot` fetches its new items every Feeds:Interval.");
            return first.Error is null ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return add;
    }

    private static Command List()
    {
        var list = new Command("list", "List followed feeds with their last check, items and errors.");
        list.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliContext.StartWithCorpusAsync(parse, seedIfEmpty: false, cancellationToken);
            var feeds = await host.Services.GetRequiredService<FeedStore>().ListAsync(cancellationToken);
            await Console.Out.WriteLineAsync(feeds.Count == 0 ? FeedListing.None : string.Join("\n\n", feeds.Select(FeedListing.Describe)));
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command Remove()
    {
        var id = new Argument<long>("id") { Description = "The feed's number, as `feeds list` shows it." };
        var remove = new Command("remove", "Stop following a feed (the documents it brought stay; `corpusbot remove` removes one).") { id };
        remove.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliContext.StartWithCorpusAsync(parse, seedIfEmpty: false, cancellationToken);
            var feedId = parse.GetValue(id);
            if (!await host.Services.GetRequiredService<FeedStore>().RemoveAsync(feedId, Actor, cancellationToken))
            {
                await Console.Error.WriteLineAsync($"No feed #{feedId}. `corpusbot feeds list` lists them.");
                return ExitCodes.NotFound;
            }

            await Console.Out.WriteLineAsync($"Unfollowed feed #{feedId}.");
            return ExitCodes.Ok;
        });
        return remove;
    }

    private static Command Poll()
    {
        var poll = new Command("poll", "Fetch every followed feed now, and re-check documents added from a URL that are due (Corpus:RefreshInterval).");
        poll.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliContext.StartWithCorpusAsync(parse, seedIfEmpty: false, cancellationToken);
            var poller = host.Services.GetRequiredService<FeedPoller>();
            var failed = false;
            var feeds = await host.Services.GetRequiredService<FeedStore>().ListAsync(cancellationToken);
            if (feeds.Count == 0)
            {
                await Console.Out.WriteLineAsync(FeedListing.None);
            }

            foreach (var feed in feeds)
            {
                var result = await poller.PollAsync(feed, cancellationToken);
                failed |= result.Error is not null;
                await Console.Out.WriteLineAsync(FeedListing.Polled(result));
            }

            var refreshed = await poller.RefreshDueAsync(cancellationToken);
            await Console.Out.WriteLineAsync($"Documents from URLs re-checked: {refreshed} changed.");
            return failed ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return poll;
    }

    private static string Actor => $"cli:{Environment.UserName}";
}

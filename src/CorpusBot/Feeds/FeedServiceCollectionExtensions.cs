using CorpusBot.Core.Feeds;
using CorpusBot.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Feeds;

public static class FeedServiceCollectionExtensions
{
    /// <summary>Feeds and URL re-checks for every command; the polling service itself runs only in `corpusbot bot`.</summary>
    public static IServiceCollection AddCorpusBotFeeds(this IServiceCollection services)
    {
        CoreServiceCollectionExtensions.AddValidatedOptions<FeedOptions>(services, FeedOptions.SectionName);
        services.AddSingleton<FeedStore>();
        services.AddSingleton<DocumentSourceStore>();
        services.AddSingleton<FeedPoller>();
        return services;
    }

    public static IServiceCollection AddFeedPolling(this IServiceCollection services) =>
        services.AddHostedService<FeedPollingService>();
}

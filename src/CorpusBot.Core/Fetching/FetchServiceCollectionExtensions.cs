using CorpusBot.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Fetching;

/// <summary>Registers <see cref="SafeFetcher"/> and its HttpClient; part of AddCorpusBotCore.</summary>
public static class FetchServiceCollectionExtensions
{
    public static IServiceCollection AddSafeFetch(this IServiceCollection services)
    {
        CoreServiceCollectionExtensions.AddValidatedOptions<FetchOptions>(services, FetchOptions.SectionName)
            .Validate(AllowedNetworksParse, "Fetch:AllowedNetworks must list IP addresses or networks such as 10.20.0.0/16.");
        services.AddHttpClient(SafeFetcher.HttpClientName, http =>
            {
                http.DefaultRequestHeaders.UserAgent.ParseAdd("CorpusBot/1.0");
                http.Timeout = Timeout.InfiniteTimeSpan; // SafeFetcher applies Fetch:TimeoutSeconds to the whole fetch
            })
            .ConfigurePrimaryHttpMessageHandler(sp => SafeFetchHandler.Create(sp.GetRequiredService<IOptions<FetchOptions>>().Value))
            .RemoveAllLoggers();
        services.AddSingleton<SafeFetcher>();
        return services;
    }

    private static bool AllowedNetworksParse(FetchOptions options)
    {
        try
        {
            _ = new AddressRules(options);
            return true;
        }
        catch (CorpusBotException)
        {
            return false;
        }
    }
}

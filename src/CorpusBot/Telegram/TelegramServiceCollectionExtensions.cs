using CorpusBot.Core.Hosting;
using CorpusBot.Feeds;
using CorpusBot.Operations;
using CorpusBot.Telegram.Commands;
using CorpusBot.Telegram.Hosting;
using CorpusBot.Telegram.Moderation;
using CorpusBot.Telegram.Sending;
using CorpusBot.Telegram.Updates;
using CorpusBot.Telegram.Uploads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace CorpusBot.Telegram;

/// <summary>Wires the Telegram adapter. Registering it needs no token; running the bot does.</summary>
public static class TelegramServiceCollectionExtensions
{
    /// <summary>The HttpClient the Bot API client uses. Its logging is removed: the token is in every URL.</summary>
    public const string HttpClientName = "telegram";

    public static IServiceCollection AddCorpusBotTelegram(this IServiceCollection services)
    {
        CoreServiceCollectionExtensions.AddValidatedOptions<TelegramOptions>(services, TelegramOptions.SectionName);
        CoreServiceCollectionExtensions.AddValidatedOptions<RolesOptions>(services, RolesOptions.SectionName);

        services.AddHttpClient(HttpClientName).RemoveAllLoggers();
        services.TryAddSingleton<ITelegramBotClient>(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            settings.EnsureReadyToRun();
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            // Long polls run up to PollingTimeoutSeconds; leave the client's own timeout well above that.
            http.Timeout = TimeSpan.FromSeconds(settings.PollingTimeoutSeconds + 60);
            return new TelegramBotClient(new TelegramBotClientOptions(settings.Token!, settings.ApiBaseUrl), http);
        });

        services.AddSingleton<BotIdentity>();
        services.AddSingleton<Roles>();
        services.AddSingleton<TokenRedactor>();
        services.AddSingleton<HandlerSlots>();
        services.AddSingleton<CurrentUpdate>();
        services.AddSingleton<OutboundPacer>();
        services.AddSingleton<BotSender>();

        services.AddSingleton<UpdateJournal>();
        services.AddSingleton<ChatDispatcher>();
        services.AddSingleton<UpdateIntake>();
        services.AddSingleton<UpdateRouter>();
        services.AddSingleton<MessageRouter>();
        services.AddSingleton<ButtonHandler>();

        services.AddSingleton<ModerationStore>();
        services.AddSingleton<FeedbackStore>();
        services.AddSingleton<ModerationPoster>();
        services.AddSingleton<WithdrawalQueue>();
        services.AddSingleton<WithdrawalWorker>();
        services.AddSingleton<AnswerReviewer>();
        services.AddSingleton<IWithdrawalSignal>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<TelegramOptions>>().Value.Token)
                ? new NoBotWithdrawalSignal()
                : ActivatorUtilities.CreateInstance<WorkerWithdrawalSignal>(sp));

        services.TryAddSingleton<IUploadReader, CoreUploadReader>();
        services.AddSingleton<TelegramFileDownloader>();
        services.AddSingleton<UrlFetcher>();

        services.AddSingleton<RateLimiter>();
        services.AddSingleton<HelpCommand>();
        services.AddSingleton<AskCommand>();
        services.AddSingleton<ReviewCommand>();
        services.AddSingleton<StatsCommand>();
        services.AddSingleton<AddCommand>();
        services.AddSingleton<DocsCommand>();
        services.AddSingleton<RemoveCommand>();
        services.AddSingleton<GapsCommand>();
        services.AddSingleton<NewConversationCommand>();
        services.AddSingleton<FeedCommands>();

        services.AddSingleton<PollingLoop>();
        services.AddSingleton<WebhookServer>();
        return services;
    }

    /// <summary>Makes the host run the bot: only `corpusbot bot` (and bot tests) call this.</summary>
    public static IServiceCollection AddCorpusBotTelegramHost(this IServiceCollection services)
    {
        services.AddCorpusBotOperations(); // instance lock, admin endpoint, scheduled backups: up before the bot starts
        services.AddHostedService<TelegramBotService>();
        services.AddFeedPolling();
        return services;
    }
}

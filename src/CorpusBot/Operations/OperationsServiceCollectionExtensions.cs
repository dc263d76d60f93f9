using CorpusBot.Core.Diagnostics;
using CorpusBot.Core.Hosting;
using CorpusBot.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;

namespace CorpusBot.Operations;

/// <summary>What the long-running bot adds for its operator: the instance lock, systemd integration, the admin endpoint with metrics, and scheduled backups.</summary>
public static class OperationsServiceCollectionExtensions
{
    /// <summary>The Hosting and Backup settings, for every command: `doctor` checks them, `bot` uses them.</summary>
    public static IServiceCollection AddCorpusBotOperationsOptions(this IServiceCollection services)
    {
        CoreServiceCollectionExtensions.AddValidatedOptions<HostingOptions>(services, HostingOptions.SectionName);
        CoreServiceCollectionExtensions.AddValidatedOptions<BackupOptions>(services, BackupOptions.SectionName);
        return services;
    }

    /// <summary>(Needs <see cref="AddCorpusBotOperationsOptions"/>, which AddCorpusBot calls.) Call before the bot's own hosted service, so the lock is taken and the endpoint is up while the bot starts.</summary>
    public static IServiceCollection AddCorpusBotOperations(this IServiceCollection services)
    {
        // Under systemd: READY=1 once started (Type=notify), STOPPING on SIGTERM, and log lines with
        // syslog priority prefixes so journald keeps their levels. Does nothing elsewhere.
        services.AddSystemd();

        services.AddHostedService<InstanceLockService>();

        services.AddSingleton<TelegramActivity>();
        services.AddTransient<TelegramCallObserver>();
        services.AddHttpClient(TelegramServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler<TelegramCallObserver>();
        CountingEmbeddingGenerator.Decorate(services);

        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(CorpusBotMetrics.MeterName).AddPrometheusExporter());
        services.AddSingleton<CorpusGauges>();
        services.AddSingleton<BackupStatus>();
        services.AddSingleton<Readiness>();
        services.AddHostedService<AdminServer>();
        services.AddSingleton<BackupScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<BackupScheduler>());
        return services;
    }
}

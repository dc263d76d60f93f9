using CorpusBot.Core.Hosting;
using CorpusBot.Core.Storage;
using CorpusBot.Feeds;
using CorpusBot.Operations;
using CorpusBot.Providers.Hosting;
using CorpusBot.Telegram;
using CorpusBot.WebConsole;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Hosting;

/// <summary>
/// Builds the Generic Host every command runs in. Configuration layers, later wins:
/// appsettings.json at the repository root → environment variables prefixed CORPUSBOT_ → command line.
/// </summary>
public static class CorpusBotHost
{
    public const string EnvironmentPrefix = "CORPUSBOT_";

    public static HostApplicationBuilder CreateBuilder(string[] args, IDictionary<string, string?>? overrides = null, ContentRoot? root = null)
    {
        root ??= ContentRoot.Discover();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = root.Path,
            Args = args,
        });
        builder.Configuration
            .AddJsonFile(root.Resolve("appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddCommandLine(args);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        // Console logs go to stderr so `ask --json` output on stdout stays machine-readable.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddCorpusBot(root);
        return builder;
    }

    /// <summary>
    /// The bot's host (`corpusbot bot`): the app's services plus the bot's hosted services and the web
    /// console. Tests build it through here too, with <paramref name="configure"/> swapping seams.
    /// </summary>
    public static IHost BuildBot(string[] args, IDictionary<string, string?>? overrides, ContentRoot? root = null, Action<IServiceCollection>? configure = null)
    {
        var builder = CreateBuilder(args, overrides, root);
        builder.Services.AddCorpusBotTelegramHost();
        builder.Services.AddCorpusBotConsoleHost(); // after the bot's start-up has migrated the database
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Everything the app needs; tests call this too and swap only the seams.</summary>
    public static IServiceCollection AddCorpusBot(this IServiceCollection services, ContentRoot root)
    {
        services.AddCorpusBotProviders(); // embedder and answerer chosen by Embeddings:Provider and Chat:Provider
        services.AddCorpusBotCore(root);
        services.AddCorpusBotTelegram();
        services.AddCorpusBotOperationsOptions(); // Hosting and Backup settings (the bot's services come with AddCorpusBotTelegramHost)
        services.AddCorpusBotConsole();
        services.AddSingleton<Replies.SourceLinks>(); // links in replies: the document's address, the console's quote page
        services.AddCorpusBotFeeds();
        return services;
    }
}

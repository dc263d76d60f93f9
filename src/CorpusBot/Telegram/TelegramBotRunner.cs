using CorpusBot.Cli;
using CorpusBot.Core;
using CorpusBot.Core.Storage;
using CorpusBot.Hosting;
using CorpusBot.WebConsole;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CorpusBot.Telegram;

/// <summary>`corpusbot bot`: runs the Telegram bot until SIGTERM, Ctrl-C or <paramref name="cancellationToken"/>.</summary>
public static class TelegramBotRunner
{
    /// <summary>Exit code for a configuration problem (a missing token, an invalid setting), as for the other commands.</summary>
    public const int ConfigurationError = ExitCodes.Configuration;

    public static async Task<int> RunAsync(
        string[] args,
        IDictionary<string, string?>? overrides,
        CancellationToken cancellationToken,
        ContentRoot? root = null,
        TextWriter? error = null)
    {
        error ??= Console.Error;
        using var host = BuildHost(args, overrides, root);
        try
        {
            // Fail fast, before anything starts, naming the key and the fix.
            host.Services.GetRequiredService<IOptions<TelegramOptions>>().Value.EnsureReadyToRun();
            await host.RunAsync(cancellationToken);
            return 0;
        }
        catch (DatabaseUnusableException e)
        {
            // A damaged or foreign database file: one line naming it, as the other commands do.
            await error.WriteLineAsync(e.Message);
            return ExitCodes.Failure;
        }
        catch (CorpusBotException e)
        {
            await error.WriteLineAsync(e.Message);
            return ConfigurationError;
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                await error.WriteLineAsync(ConfigurationErrors.Clean(failure));
            }

            return ConfigurationError;
        }
    }

    /// <summary>The bot's host: the app's services plus the bot's hosted service. Tests use this too.</summary>
    public static IHost BuildHost(string[] args, IDictionary<string, string?>? overrides, ContentRoot? root = null, Action<IServiceCollection>? configure = null)
    {
        var builder = CorpusBotHost.CreateBuilder(args, overrides, root);
        builder.Services.AddCorpusBotTelegramHost();
        builder.Services.AddCorpusBotConsoleHost(); // after the bot's start-up has migrated the database
        configure?.Invoke(builder.Services);
        return builder.Build();
    }
}

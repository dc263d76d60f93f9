using System.CommandLine;
using CorpusBot.Core;
using CorpusBot.Core.Storage;
using CorpusBot.Hosting;
using CorpusBot.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CorpusBot.Cli;

/// <summary>`corpusbot bot`: runs CorpusBot as a Telegram bot until SIGTERM, Ctrl-C or cancellation.</summary>
internal static class BotCommand
{
    public static Command Create()
    {
        var command = new Command("bot", "Run CorpusBot as a Telegram bot (Telegram:Mode Polling or Webhook) until SIGTERM or Ctrl-C.");
        command.SetAction((parse, cancellationToken) =>
            RunAsync(CliContext.ConfigurationArguments(parse), CliContext.Overrides(parse), cancellationToken));
        return command;
    }

    /// <summary>Builds the bot's host (<see cref="CorpusBotHost.BuildBot"/>) and runs it; a bad setting or database is one clean line.</summary>
    public static async Task<int> RunAsync(
        string[] args,
        IDictionary<string, string?>? overrides,
        CancellationToken cancellationToken,
        ContentRoot? root = null,
        TextWriter? error = null)
    {
        error ??= Console.Error;
        using var host = CorpusBotHost.BuildBot(args, overrides, root);
        try
        {
            // Fail fast, before anything starts, naming the key and the fix.
            host.Services.GetRequiredService<IOptions<TelegramOptions>>().Value.EnsureReadyToRun();
            await host.RunAsync(cancellationToken);
            return ExitCodes.Ok;
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
            return ExitCodes.Configuration;
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                await error.WriteLineAsync(ConfigurationErrors.Clean(failure));
            }

            return ExitCodes.Configuration;
        }
    }
}

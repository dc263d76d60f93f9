using System.CommandLine;
using CorpusBot.Core;
using CorpusBot.Core.Storage;
using CorpusBot.Hosting;
using CorpusBot.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;

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
        TelegramOptions? telegram = null;
        TokenRedactor? redactor = null;
        try
        {
            // Fail fast, before anything starts, naming the key and the fix.
            telegram = host.Services.GetRequiredService<IOptions<TelegramOptions>>().Value;
            telegram.EnsureReadyToRun();
            redactor = host.Services.GetRequiredService<TokenRedactor>(); // RunAsync disposes the services when it fails
            await host.RunAsync(cancellationToken);
            return ExitCodes.Ok;
        }
        catch (RequestException e) when (!cancellationToken.IsCancellationRequested && telegram is not null && redactor is not null)
        {
            // getMe at start failed: one line (the token masked, should any text carry it), not a stack trace.
            // A refused token or request is a configuration error (exit 4: systemd does not restart); a network fault,
            // a 429 or a 5xx may pass (exit 1: systemd tries again).
            var api = redactor.Redact(telegram.ApiBaseUrl);
            if (e is ApiRequestException { ErrorCode: 401 or 404 } refused)
            {
                await error.WriteLineAsync(
                    $"Telegram ({api}) refused the token ({refused.ErrorCode} {redactor.Redact(e.Message)}). Check CORPUSBOT_Telegram__Token: copy it again from @BotFather.");
                return ExitCodes.Configuration;
            }

            if (e is ApiRequestException { ErrorCode: >= 400 and < 500 and not 429 } rejected)
            {
                // E.g. setWebhook refusing Telegram:WebhookUrl: a setting to fix, not something a restart cures.
                await error.WriteLineAsync(
                    $"The bot could not start: Telegram ({api}) answered {rejected.ErrorCode} {redactor.Redact(e.Message)}. Check the Telegram settings.");
                return ExitCodes.Configuration;
            }

            await error.WriteLineAsync(
                $"The bot could not start: the Telegram Bot API at {api} did not answer ({redactor.Redact(e.Message)}). Check the network and Telegram:ApiBaseUrl.");
            return ExitCodes.Failure;
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

using System.CommandLine;
using CorpusBot.Telegram;

namespace CorpusBot.Cli;

/// <summary>`corpusbot bot`: runs CorpusBot as a Telegram bot until SIGTERM or Ctrl-C.</summary>
internal static class BotCommand
{
    public static Command Create()
    {
        var command = new Command("bot", "Run CorpusBot as a Telegram bot (Telegram:Mode Polling or Webhook) until SIGTERM or Ctrl-C.");
        command.SetAction((parse, cancellationToken) =>
        {
            return TelegramBotRunner.RunAsync(CliContext.ConfigurationArguments(parse), CliContext.Overrides(parse), cancellationToken);
        });
        return command;
    }
}

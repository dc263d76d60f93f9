using System.CommandLine;
using CorpusBot.Core;
using Microsoft.Extensions.Options;

namespace CorpusBot.Cli;

/// <summary>The `corpusbot` command line: one small class per command, wired here.</summary>
internal static class CorpusBotCli
{
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "CorpusBot answers questions over a corpus of articles, only from it, with verbatim quotes cited to their documents.\n" +
            "Every command also takes settings as --Section:Key=value (e.g. --Embeddings:Provider=Lexical), after\n" +
            "appsettings.json and CORPUSBOT_Section__Key environment variables; the README lists the keys.");
        root.Options.Add(CliContext.DatabaseOption);
        root.Options.Add(CliContext.SettingOption);
        Operations.BuildInfo.UseForVersionOption(root);
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(AskCommand.Create());
        root.Subcommands.Add(ChatCommand.Create());
        root.Subcommands.Add(DocsCommand.Create());
        root.Subcommands.Add(RemoveCommand.Create());
        root.Subcommands.Add(ReindexCommand.Create());
        root.Subcommands.Add(BotCommand.Create());
        root.Subcommands.Add(ConsoleCommand.Create());
        root.Subcommands.Add(BackupCommand.Create());
        root.Subcommands.Add(RestoreCommand.Create());
        root.Subcommands.Add(DoctorCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(FeedsCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var (settings, commandArgs) = SettingArguments.Split(args);
        var parse = Create().Parse([.. CliContext.AsSettingTokens(settings), .. commandArgs]);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }

            await Console.Error.WriteLineAsync("Run `corpusbot --help` for the commands and options; settings are passed as --Section:Key=value.");
            return ExitCodes.Usage;
        }

        try
        {
            // Our own handlers below print clean messages; System.CommandLine's would print stack traces.
            // On Ctrl-C / SIGTERM the command's token is cancelled; the bot then finishes in-flight
            // answers, which may take longer than System.CommandLine's default 2 s grace period.
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
            });
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"Invalid configuration: {string.Join(" ", e.Failures.Select(ConfigurationErrors.Clean))}");
            return ExitCodes.Configuration;
        }
        catch (InvalidOperationException e) when (ConfigurationErrors.DescribeConversionFailure(e) is { } message)
        {
            // A setting the binder cannot convert ("abc" for a number, "30m" for a time span): name it, no stack trace.
            await Console.Error.WriteLineAsync(message);
            return ExitCodes.Configuration;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cancelled.");
            return ExitCodes.Failure;
        }
        catch (CorpusBotException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.Failure;
        }
    }
}

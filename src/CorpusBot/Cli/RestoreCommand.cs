using System.CommandLine;
using CorpusBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Cli;

/// <summary>`corpusbot restore FILE`: puts a checked backup in place of the database while the bot is stopped.</summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The backup to restore (made by `corpusbot backup` or the bot's scheduled backups)." };
        var command = new Command(
            "restore",
            "Replace the database with a backup, after checking it. Stop the bot first; the replaced database is kept beside it as DATABASE.before-restore-TIME.")
        {
            file,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            // The host only resolves settings here: restore opens no connection to the live database.
            using var host = await CliContext.StartHostAsync(parse, cancellationToken);
            var database = host.Services.GetRequiredService<SqliteConnectionFactory>().DatabasePath;
            var source = Path.GetFullPath(parse.GetValue(file)!);
            var result = await DatabaseRestore.RestoreAsync(source, database, TimeProvider.System, cancellationToken);
            await Console.Out.WriteLineAsync($"Restored {source} to {database} ({result.Documents} documents).");
            if (result.PreviousKeptAt is { } kept)
            {
                await Console.Out.WriteLineAsync($"The replaced database was kept as {kept}.");
            }

            await Console.Out.WriteLineAsync("Start the bot again; it migrates the restored database if it is from an older version.");
            return ExitCodes.Ok;
        });
        return command;
    }
}

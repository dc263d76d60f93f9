using System.CommandLine;
using CorpusBot.Core.Storage;
using CorpusBot.Core.Storage.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Cli;

/// <summary>`corpusbot backup FILE`: a consistent copy of the database, safe while the bot runs.</summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Where to write the copy (a new file)." };
        var command = new Command("backup", "Copy the database to FILE while CorpusBot keeps running; the copy is integrity-checked.") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliContext.StartHostAsync(parse, cancellationToken);
            await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
            var destination = Path.GetFullPath(parse.GetValue(file)!);
            await host.Services.GetRequiredService<DatabaseBackup>().BackupAsync(destination, cancellationToken);
            await Console.Out.WriteLineAsync($"Backed up to {destination} (integrity check: ok).");
            return ExitCodes.Ok;
        });
        return command;
    }
}

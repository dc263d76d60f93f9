using System.CommandLine;
using CorpusBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace CorpusBot.Cli;

/// <summary>`corpusbot docs`: the documents in the corpus.</summary>
internal static class DocsCommand
{
    public static Command Create()
    {
        var command = new Command("docs", "List the documents in the corpus.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliContext.StartWithCorpusAsync(parse, seedIfEmpty: false, cancellationToken);
            var documents = await host.Services.GetRequiredService<DocumentStore>().ListAsync(cancellationToken);
            if (documents.Count == 0)
            {
                await Console.Out.WriteLineAsync("The corpus is empty. Add documents with `corpusbot ingest PATH`.");
                return ExitCodes.Ok;
            }

            // The id is what `remove` takes: never wrapped (piped output is 80 columns wide); the title wraps instead.
            var table = new Table().AddColumns(
                new TableColumn("Id").NoWrap(), new TableColumn("Title"), new TableColumn("Source"), new TableColumn("Published").NoWrap(),
                new TableColumn("Chunks").NoWrap().RightAligned(), new TableColumn("Characters").NoWrap().RightAligned(), new TableColumn("Added by"));
            foreach (var d in documents)
            {
                table.AddRow(
                    Markup.Escape(d.Id), Markup.Escape(d.Title), Markup.Escape(d.Source ?? ""), Markup.Escape(d.Published ?? ""),
                    d.ChunkCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    d.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(d.AddedBy));
            }

            if (Console.IsOutputRedirected)
            {
                // Piped or redirected, Spectre assumes 80 columns and squeezes the titles; one row per document reads (and greps) better.
                AnsiConsole.Profile.Width = 240;
            }

            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}

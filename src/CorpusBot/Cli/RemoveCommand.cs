using System.CommandLine;
using CorpusBot.Core.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Cli;

/// <summary>`corpusbot remove ID`: delete a document with its passages and vectors.</summary>
internal static class RemoveCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The document id, as `corpusbot docs` lists it." };
        var command = new Command("remove", "Remove a document from the corpus.") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliContext.StartWithCorpusAsync(parse, seedIfEmpty: false, cancellationToken);
            var documentId = parse.GetValue(id)!;
            var removed = await host.Services.GetRequiredService<CorpusRemover>().RemoveAsync(documentId, $"cli:{Environment.UserName}", cancellationToken);
            if (!removed)
            {
                await Console.Error.WriteLineAsync($"No document with id '{documentId}'. `corpusbot docs` lists the ids.");
                return ExitCodes.NotFound;
            }

            await Console.Out.WriteLineAsync($"Removed {documentId}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}

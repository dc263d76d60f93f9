using System.CommandLine;
using CorpusBot.Core.Embeddings;
using CorpusBot.Core.Storage.Migrations;
using CorpusBot.Core.Storage.Vectors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace CorpusBot.Cli;

/// <summary>
/// `corpusbot reindex`: embeds every passage with the configured embedding model. Needed after
/// changing Embeddings:*; resumable, and the old model's vectors stay usable until it completes.
/// </summary>
internal static class ReindexCommand
{
    public static Command Create()
    {
        var command = new Command("reindex", "Re-embed the corpus with the configured embedding model (after changing Embeddings settings).");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliContext.StartHostAsync(parse, cancellationToken);
            await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
            var embedder = host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
            var reindexer = host.Services.GetRequiredService<Reindexer>();
            var modelId = EmbeddingModel.IdOf(embedder);
            ReindexResult result;
            if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
            {
                result = await AnsiConsole.Progress().StartAsync(async progress =>
                {
                    var task = progress.AddTask($"Embedding with {Markup.Escape(modelId)}");
                    return await reindexer.RunAsync(embedder, modelId, new Progress<(int Done, int Total)>(p =>
                    {
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                    }), cancellationToken);
                });
            }
            else
            {
                result = await reindexer.RunAsync(embedder, modelId, new EmbeddingProgress(Console.Error), cancellationToken);
            }

            await Console.Out.WriteLineAsync(
                $"Model {result.ModelId} ({result.Dimensions} dimensions): {result.Embedded} of {result.TotalChunks} passages embedded now, {result.Removed} vectors of other models removed.");
            return ExitCodes.Ok;
        });
        return command;
    }
}

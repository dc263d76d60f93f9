using System.CommandLine;
using CorpusBot.Core.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace CorpusBot.Cli;

/// <summary>`corpusbot ingest PATH...`: add or update documents from files and folders.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files (.txt, .md, .html, .htm, .jsonl, .pdf, .docx) and folders (searched recursively).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("ingest", "Add documents to the corpus, or update them when their content changed.") { paths };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliContext.StartWithCorpusAsync(parse, seedIfEmpty: false, cancellationToken);
            var loader = host.Services.GetRequiredService<CorpusLoader>();
            var inputs = parse.GetValue(paths)!.Select(Path.GetFullPath).ToList();
            var actor = $"cli:{Environment.UserName}";
            IngestReport report;
            if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
            {
                report = await AnsiConsole.Progress().AutoClear(true).StartAsync(async progress =>
                {
                    var task = progress.AddTask("Ingesting", maxValue: double.MaxValue);
                    task.IsIndeterminate = true;
                    return await loader.IngestPathsAsync(inputs, actor, new Progress<IngestOutcome>(o => task.Description = Markup.Escape(o.Origin)), cancellationToken);
                });
                foreach (var outcome in report.Outcomes)
                {
                    await Console.Out.WriteLineAsync(Describe(outcome));
                }
            }
            else
            {
                report = await loader.IngestPathsAsync(inputs, actor, new SynchronousProgress<IngestOutcome>(o => Console.Out.WriteLine(Describe(o))), cancellationToken);
            }

            await Console.Out.WriteLineAsync(
                $"Added {report.Count(IngestStatus.Added)}, updated {report.Count(IngestStatus.Updated)}, " +
                $"unchanged {report.Count(IngestStatus.Unchanged)}, rejected {report.Count(IngestStatus.Rejected)}.");
            return report.HasRejections ? ExitCodes.SomeRejected : ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(IngestOutcome outcome) => outcome.Status switch
    {
        IngestStatus.Rejected => $"rejected   {outcome.Origin}: {outcome.Reason}",
        IngestStatus.Unchanged => $"unchanged  {outcome.DocumentId} (already present, same content)",
        _ => $"{outcome.Status.ToString().ToLowerInvariant(),-10} {outcome.DocumentId} “{outcome.Title}” ({outcome.Chunks} chunks) from {outcome.Origin}",
    };
}

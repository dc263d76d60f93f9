using CorpusBot.Core.Documents;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Core.Ingestion;

/// <summary>
/// Ingests files and folders: reads each input (rejecting what cannot be read, with the reason),
/// stores each document in its own transaction, and reports one outcome per input. One bad file
/// never stops the batch.
/// </summary>
public sealed class CorpusLoader(DocumentIngestor ingestor, ILogger<CorpusLoader> logger)
{
    public async Task<IngestReport> IngestPathsAsync(
        IReadOnlyList<string> paths,
        string addedBy,
        IProgress<IngestOutcome>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var outcomes = new List<IngestOutcome>();
        foreach (var path in paths)
        {
            foreach (var file in Expand(path))
            {
                IngestOutcome outcome;
                if (!File.Exists(file))
                {
                    outcome = IngestOutcome.Rejected(file, "no such file or folder");
                }
                else
                {
                    var id = Path.GetFileNameWithoutExtension(file);
                    var text = await File.ReadAllTextAsync(file, cancellationToken);
                    outcome = await ingestor.IngestAsync(new SourceDocument(id, id, text.ReplaceLineEndings("\n")), file, addedBy, cancellationToken);
                }

                if (outcome.Status == IngestStatus.Rejected)
                {
                    logger.LogWarning("Rejected {Origin}", outcome.Origin);
                }

                outcomes.Add(outcome);
                progress?.Report(outcome);
            }
        }

        return new IngestReport(outcomes);
    }

    private static IEnumerable<string> Expand(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [path];
}

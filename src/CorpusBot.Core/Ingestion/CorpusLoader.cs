using CorpusBot.Core.Ingestion.Readers;

namespace CorpusBot.Core.Ingestion;

/// <summary>
/// Ingests files and folders: the reader decodes each input or rejects it with the reason; each
/// document is prepared (chunked, embedded) and written in batches of up to <see cref="BatchSize"/>
/// documents per transaction, each document all-or-nothing inside the batch. One outcome per input,
/// in input order; one bad file never stops the run. If the embedder fails (an outage), the documents
/// not yet stored are reported as rejected with that reason, so the user knows which to retry.
/// </summary>
public sealed class CorpusLoader(DocumentSourceReader reader, DocumentIngestor ingestor)
{
    /// <summary>Documents per transaction: each commit is a disk sync, so batching sets ingest speed.</summary>
    public const int BatchSize = 64;

    /// <summary>Text held in memory before a batch is written, whatever its document count.</summary>
    private const long BatchChars = 8 * 1024 * 1024;

    private const string EmbedderFailed = "the embedding model failed";

    public async Task<IngestReport> IngestPathsAsync(
        IReadOnlyList<string> paths,
        string addedBy,
        IProgress<IngestOutcome>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var run = new LoadRun(progress);
        string? outage = null;
        await foreach (var item in reader.ReadAsync(paths, cancellationToken))
        {
            if (item.Rejection is { } rejection)
            {
                run.Decided(rejection);
            }
            else if (item.Document is { } document && outage is not null)
            {
                run.Decided(IngestOutcome.Rejected(item.Origin, $"not stored, retry it: {outage}", document.Id));
            }
            else if (item.Document is { } doc)
            {
                try
                {
                    var (outcome, prepared) = await ingestor.PrepareAsync(doc, item.Origin, cancellationToken);
                    if (prepared is null)
                    {
                        run.Decided(outcome!);
                    }
                    else if (run.Pending(prepared) >= BatchSize || run.PendingChars >= BatchChars)
                    {
                        await run.CommitAsync(ingestor, addedBy, cancellationToken);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TimeoutException or CorpusBotException && !cancellationToken.IsCancellationRequested)
                {
                    // Nothing of this document was written: preparing writes nothing.
                    outage = $"{EmbedderFailed} ({e.Message})";
                    run.Decided(IngestOutcome.Rejected(item.Origin, $"{outage}; nothing was stored, retry it", doc.Id));
                }
            }
        }

        await run.CommitAsync(ingestor, addedBy, cancellationToken);
        return new IngestReport(run.Outcomes);
    }

    /// <summary>Outcomes in input order, with prepared documents waiting for their batch's commit.</summary>
    private sealed class LoadRun(IProgress<IngestOutcome>? progress)
    {
        private readonly List<IngestOutcome?> slots = [];
        private readonly List<(int Slot, PreparedDocument Document)> pending = [];
        private int reported;

        public long PendingChars { get; private set; }

        public IReadOnlyList<IngestOutcome> Outcomes => slots.Select(s => s!).ToList();

        public void Decided(IngestOutcome outcome)
        {
            slots.Add(outcome);
            Report();
        }

        public int Pending(PreparedDocument document)
        {
            pending.Add((slots.Count, document));
            slots.Add(null);
            PendingChars += document.TextLength;
            return pending.Count;
        }

        public async Task CommitAsync(DocumentIngestor ingestor, string addedBy, CancellationToken cancellationToken)
        {
            if (pending.Count == 0)
            {
                return;
            }

            var outcomes = await ingestor.CommitAsync(pending.Select(p => p.Document).ToList(), addedBy, cancellationToken);
            for (var i = 0; i < pending.Count; i++)
            {
                slots[pending[i].Slot] = outcomes[i];
            }

            pending.Clear();
            PendingChars = 0;
            Report();
        }

        /// <summary>Reports every outcome decided so far that all earlier inputs also have.</summary>
        private void Report()
        {
            while (reported < slots.Count && slots[reported] is { } outcome)
            {
                progress?.Report(outcome);
                reported++;
            }
        }
    }
}

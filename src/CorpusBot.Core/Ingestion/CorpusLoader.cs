using CorpusBot.Core.Ingestion.Readers;

namespace CorpusBot.Core.Ingestion;

/// <summary>
/// Ingests files and folders: the reader decodes each input or rejects it with the reason; each
/// document is prepared (chunked, embedded) and written in batches of up to <see cref="BatchSize"/>
/// documents per transaction (fewer when the embedder is slow, see <see cref="BatchAge"/>), each document
/// all-or-nothing inside the batch. One outcome per input,
/// in input order; one bad file never stops the run. If the embedder fails (an outage), the documents
/// not yet stored are reported as rejected with that reason, so the user knows which to retry.
/// A batch is committed on another thread while the next one is prepared (at most one commit in flight, in order):
/// with two cores the SQLite writes overlap the embedding instead of waiting for it.
/// </summary>
public sealed class CorpusLoader(DocumentSourceReader reader, DocumentIngestor ingestor, TimeProvider clock)
{
    /// <summary>
    /// Documents per transaction at most. Each commit is a disk sync, and each batch's full-text rows become one FTS5
    /// segment that is merged again with later ones: 256 documents a batch write 10,000 topical documents with ~0.3
    /// CPU-seconds (a tenth of the commit side) and three quarters of the syncs less than 64 did (docs/BENCHMARKS.md).
    /// </summary>
    public const int BatchSize = 256;

    /// <summary>
    /// A batch is committed once its first document has waited this long, however few it holds: with a model as the
    /// embedder (~30 documents a second) progress is reported, and a crash loses, seconds of work at most.
    /// </summary>
    public static readonly TimeSpan BatchAge = TimeSpan.FromSeconds(5);

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
        return await IngestItemsAsync(reader.ReadAsync(paths, cancellationToken), addedBy, progress, cancellationToken);
    }

    /// <summary>Ingests documents already read (or generated, as the benchmark does), one outcome per item.</summary>
    public async Task<IngestReport> IngestItemsAsync(
        IAsyncEnumerable<ReadItem> items,
        string addedBy,
        IProgress<IngestOutcome>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var run = new LoadRun(progress, clock);
        await using var fingerprints = await ingestor.OpenFingerprintsAsync(cancellationToken);
        string? outage = null;
        await foreach (var item in items.WithCancellation(cancellationToken))
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
                    var (outcome, prepared) = await ingestor.PrepareAsync(doc, item.Origin, fingerprints, cancellationToken);
                    if (prepared is null)
                    {
                        run.Decided(outcome!);
                    }
                    else if (run.Pending(prepared) >= BatchSize || run.PendingChars >= BatchChars || run.PendingAge >= BatchAge)
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
        await run.FlushAsync();
        return new IngestReport(run.Outcomes);
    }

    /// <summary>
    /// Outcomes in input order, with prepared documents waiting for their batch's commit. The one commit in flight
    /// fills its slots from another thread, so slots and reporting are guarded by a lock.
    /// </summary>
    private sealed class LoadRun(IProgress<IngestOutcome>? progress, TimeProvider clock)
    {
        private readonly Lock gate = new();
        private readonly List<IngestOutcome?> slots = [];
        private List<(int Slot, PreparedDocument Document)> pending = [];
        private Task inFlight = Task.CompletedTask;
        private int reported;
        private long pendingSince;

        public long PendingChars { get; private set; }

        /// <summary>How long the first pending document has waited for its commit.</summary>
        public TimeSpan PendingAge => pending.Count == 0 ? TimeSpan.Zero : clock.GetElapsedTime(pendingSince);

        public IReadOnlyList<IngestOutcome> Outcomes
        {
            get
            {
                lock (gate)
                {
                    return slots.Select(s => s!).ToList();
                }
            }
        }

        public void Decided(IngestOutcome outcome)
        {
            lock (gate)
            {
                slots.Add(outcome);
                Report();
            }
        }

        public int Pending(PreparedDocument document)
        {
            if (pending.Count == 0)
            {
                pendingSince = clock.GetTimestamp();
            }

            lock (gate)
            {
                pending.Add((slots.Count, document));
                slots.Add(null);
            }

            PendingChars += document.TextLength;
            return pending.Count;
        }

        /// <summary>Waits for the commit in flight (its failure surfaces here), then starts this batch's commit.</summary>
        public async Task CommitAsync(DocumentIngestor ingestor, string addedBy, CancellationToken cancellationToken)
        {
            if (pending.Count == 0)
            {
                return;
            }

            var batch = pending;
            pending = [];
            PendingChars = 0;
            await inFlight;
            // Task.Run: SQLite's async calls complete synchronously, so without it the commit would not overlap.
            inFlight = Task.Run(
                async () =>
                {
                    var outcomes = await ingestor.CommitAsync(batch.Select(p => p.Document).ToList(), addedBy, cancellationToken);
                    lock (gate)
                    {
                        for (var i = 0; i < batch.Count; i++)
                        {
                            slots[batch[i].Slot] = outcomes[i];
                        }

                        Report();
                    }
                },
                cancellationToken);
        }

        public Task FlushAsync() => inFlight;

        /// <summary>Reports every outcome decided so far that all earlier inputs also have; the caller holds the lock.</summary>
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

using System.Security.Cryptography;
using System.Text;
using CorpusBot.Core.Chunking;
using CorpusBot.Core.Documents;
using CorpusBot.Core.Embeddings;
using CorpusBot.Core.Storage;
using CorpusBot.Core.Storage.Vectors;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Core.Ingestion;

/// <summary>
/// Stores documents in two steps. <see cref="PrepareAsync"/> checks, chunks and embeds (no writes, so
/// an embedder outage leaves the corpus exactly as it was). <see cref="CommitAsync"/> writes a batch
/// in one transaction, each document inside its own savepoint: a document replaces its old version
/// (document, chunks, vectors, audit entry) entirely or not at all, and one failing document
/// does not undo the others. The batch's full-text rows are written last, together (see
/// <see cref="DocumentRows.IndexPassages"/>); a failure there rolls the whole batch back.
/// Batching matters: with synchronous=FULL every commit is a disk sync.
/// </summary>
public sealed class DocumentIngestor(
    SqliteConnectionFactory connections,
    TextChunker chunker,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    VectorIndex vectorIndex,
    TimeProvider clock,
    ILogger<DocumentIngestor> logger)
{
    /// <summary>Prepares and commits one document.</summary>
    public async Task<IngestOutcome> IngestAsync(SourceDocument document, string origin, string addedBy, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(document, origin, cancellationToken);
        return prepared.Outcome ?? (await CommitAsync([prepared.Document!], addedBy, cancellationToken))[0];
    }

    /// <summary>
    /// Either an outcome decided without writing (rejected, unchanged) or a prepared document.
    /// Throws when the embedder fails; nothing has been written then.
    /// </summary>
    public async Task<(IngestOutcome? Outcome, PreparedDocument? Document)> PrepareAsync(
        SourceDocument document, string origin, CancellationToken cancellationToken)
    {
        await using var fingerprints = await OpenFingerprintsAsync(cancellationToken);
        return await PrepareAsync(document, origin, fingerprints, cancellationToken);
    }

    /// <summary>What many <see cref="PrepareAsync(SourceDocument, string, StoredFingerprints, CancellationToken)"/> calls in a row share.</summary>
    public Task<StoredFingerprints> OpenFingerprintsAsync(CancellationToken cancellationToken) =>
        StoredFingerprints.OpenAsync(connections, cancellationToken);

    /// <summary>As <see cref="PrepareAsync(SourceDocument, string, CancellationToken)"/>, checking for an unchanged document in <paramref name="fingerprints"/>.</summary>
    public async Task<(IngestOutcome? Outcome, PreparedDocument? Document)> PrepareAsync(
        SourceDocument document, string origin, StoredFingerprints fingerprints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(fingerprints);
        if (string.IsNullOrWhiteSpace(document.Id))
        {
            return (Reject(origin, "the document has no id", null), null);
        }

        if (string.IsNullOrWhiteSpace(document.Text))
        {
            return (Reject(origin, "the document has no text", document.Id), null);
        }

        var hash = Hash(document);
        var title = string.IsNullOrWhiteSpace(document.Title) ? document.Id : document.Title.Trim();
        if (await fingerprints.IsStoredAsync(document.Id, hash, cancellationToken))
        {
            return (new IngestOutcome(origin, document.Id, IngestStatus.Unchanged, title), null);
        }

        var chunks = chunker.Chunk(document.Text);
        if (chunks.Count == 0)
        {
            return (Reject(origin, "the document has no sentences to index", document.Id), null);
        }

        var modelId = EmbeddingModel.IdOf(embedder);
        var embeddings = await embedder.GenerateAsync(chunks.Select(c => c.Text), EmbeddingPurpose.ForPassages(), cancellationToken);
        if (embeddings.Count != chunks.Count)
        {
            throw new CorpusBotException($"The embedding model returned {embeddings.Count} vectors for {chunks.Count} passages.");
        }

        var vectors = embeddings.Select(e => e.Vector.ToArray()).ToArray();
        return (null, new PreparedDocument(document, origin, title, hash, chunks, modelId, vectors));
    }

    /// <summary>Writes the prepared documents in one transaction; returns one outcome per document, in order.</summary>
    public async Task<IReadOnlyList<IngestOutcome>> CommitAsync(
        IReadOnlyList<PreparedDocument> documents, string addedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var modelId = documents.Count == 0 ? string.Empty : documents[0].ModelId;
        var results = await vectorIndex.CommitAsync(
            connections,
            async (connection, transaction) =>
            {
                await using var writer = new DocumentBatchWriter(connection, transaction);
                var written = new List<(IngestOutcome Outcome, List<(long, float[])> Added, List<long> Removed)>();
                // Passages stored in this batch and not yet in the full-text index; a later document of the batch
                // may replace an earlier one (and a freed chunk id may be given out again), so removals come first.
                var unindexed = new Dictionary<long, string>();
                foreach (var document in documents)
                {
                    var one = await WriteOneAsync(connection, transaction, writer, document, addedBy, cancellationToken);
                    one.Removed.ForEach(id => unindexed.Remove(id));
                    for (var i = 0; i < one.Added.Count; i++)
                    {
                        unindexed[one.Added[i].Item1] = document.Chunks[i].Text;
                    }

                    written.Add(one);
                }

                cancellationToken.ThrowIfCancellationRequested();
                DocumentRows.IndexPassages(connection, unindexed.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)));

                var change = new VectorChange(modelId, written.SelectMany(w => w.Added).ToList(), written.SelectMany(w => w.Removed).ToList());
                return (written, change);
            },
            cancellationToken);

        foreach (var (outcome, _, _) in results)
        {
            Log.DocumentIngested(logger, outcome.DocumentId ?? outcome.Origin, outcome.Status.ToString(), outcome.Chunks);
        }

        return results.Select(r => r.Outcome).ToList();
    }

    private async Task<(IngestOutcome Outcome, List<(long, float[])> Added, List<long> Removed)> WriteOneAsync(
        SqliteConnection connection, SqliteTransaction transaction, DocumentBatchWriter writer, PreparedDocument prepared, string addedBy,
        CancellationToken cancellationToken)
    {
        var document = prepared.Document;
        // Checked again under the write lock: two identical uploads at once store one document.
        var existing = await writer.GetFingerprintAsync(document.Id, cancellationToken);
        if (existing is { } e && e.Hash == prepared.Hash)
        {
            return (new IngestOutcome(prepared.Origin, document.Id, IngestStatus.Unchanged, prepared.Title), [], []);
        }

        transaction.Save("document");
        try
        {
            var removed = existing is null ? [] : await DocumentRows.DeleteAsync(connection, transaction, document.Id, cancellationToken);
            await writer.InsertDocumentAsync(document, prepared.Title, prepared.Hash, addedBy, clock.GetUtcNow(), cancellationToken);
            var chunkIds = writer.InsertChunks(document.Id, prepared.Chunks);
            var rows = chunkIds.Select((id, i) => (id, (ReadOnlyMemory<float>)prepared.Vectors[i])).ToList();
            await writer.InsertVectorsAsync(prepared.ModelId, rows, cancellationToken);
            var status = existing is null ? IngestStatus.Added : IngestStatus.Updated;
            await writer.AuditAsync(clock.GetUtcNow(), addedBy, status == IngestStatus.Added ? "add" : "update",
                document.Id, $"{prepared.Chunks.Count} chunks from {prepared.Origin}", cancellationToken);
            transaction.Release("document");
            var added = chunkIds.Select((id, i) => (id, prepared.Vectors[i])).ToList();
            return (new IngestOutcome(prepared.Origin, document.Id, status, prepared.Title, prepared.Chunks.Count), added, removed);
        }
        catch (SqliteException ex)
        {
            // Undo this document only; the previous version (if any) stays, and the batch goes on.
            transaction.Rollback("document");
            transaction.Release("document");
            return (Reject(prepared.Origin, $"could not be stored ({ex.Message}); the previous version, if any, is unchanged", document.Id), [], []);
        }
    }

    /// <summary>
    /// The hash covers text and metadata, so a changed title also counts as an update. Author and pages
    /// join only when present, so documents stored before they existed keep their hash.
    /// </summary>
    private static string Hash(SourceDocument document)
    {
        var fields = new List<string?> { document.Text, document.Title, document.Url, document.Source, document.Published };
        if (document.Author is not null || document.PageStarts is not null)
        {
            fields.Add(document.Author);
            fields.Add(PageNumbers.Format(document.PageStarts));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', fields))));
    }

    private IngestOutcome Reject(string origin, string reason, string? id)
    {
        Log.InputRejected(logger, origin, reason);
        return IngestOutcome.Rejected(origin, reason, id);
    }
}

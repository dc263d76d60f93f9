using System.Globalization;
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
/// Stores one document: chunk → embed → one transaction that replaces the old version (document,
/// chunks, FTS rows, vectors, audit entry) or changes nothing. Embedding happens before the
/// transaction, so an embedder outage leaves the stored corpus exactly as it was.
/// </summary>
public sealed class DocumentIngestor(
    SqliteConnectionFactory connections,
    TextChunker chunker,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    VectorIndex vectorIndex,
    TimeProvider clock,
    ILogger<DocumentIngestor> logger)
{
    public async Task<IngestOutcome> IngestAsync(SourceDocument document, string origin, string addedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (string.IsNullOrWhiteSpace(document.Id))
        {
            return Reject(origin, "the document has no id", null);
        }

        if (string.IsNullOrWhiteSpace(document.Text))
        {
            return Reject(origin, "the document has no text", document.Id);
        }

        var hash = Hash(document);
        var title = string.IsNullOrWhiteSpace(document.Title) ? document.Id : document.Title.Trim();
        if (await IsUnchangedAsync(document.Id, hash, cancellationToken))
        {
            return new IngestOutcome(origin, document.Id, IngestStatus.Unchanged, title);
        }

        var chunks = chunker.Chunk(document.Text);
        if (chunks.Count == 0)
        {
            return Reject(origin, "the document has no sentences to index", document.Id);
        }

        var modelId = EmbeddingModel.IdOf(embedder);
        var embeddings = await embedder.GenerateAsync(chunks.Select(c => c.Text), cancellationToken: cancellationToken);
        var vectors = embeddings.Select(e => e.Vector.ToArray()).ToArray();

        var outcome = await connections.WriteAsync(
            async (connection, transaction) =>
            {
                // Checked again under the write lock: two identical uploads at once store one document.
                var existing = await DocumentStore.GetFingerprintAsync(connection, transaction, document.Id, cancellationToken);
                if (existing is { } e && e.Hash == hash)
                {
                    return (Outcome: new IngestOutcome(origin, document.Id, IngestStatus.Unchanged, title), Added: [], Removed: []);
                }

                var removed = existing is null ? [] : await DeleteDocumentAsync(connection, transaction, document.Id, cancellationToken);
                await InsertDocumentAsync(connection, transaction, document, title, hash, addedBy, cancellationToken);
                var chunkIds = await InsertChunksAsync(connection, transaction, document.Id, chunks, cancellationToken);
                var rows = chunkIds.Select((id, i) => (id, (ReadOnlyMemory<float>)vectors[i])).ToList();
                await EmbeddingRows.InsertAsync(connection, transaction, modelId, rows, cancellationToken);
                var status = existing is null ? IngestStatus.Added : IngestStatus.Updated;
                await AuditLog.WriteAsync(connection, transaction, clock.GetUtcNow(), addedBy,
                    status == IngestStatus.Added ? "add" : "update", document.Id, $"{chunks.Count} chunks from {origin}", cancellationToken);
                var added = chunkIds.Select((id, i) => (id, vectors[i])).ToList();
                return (Outcome: new IngestOutcome(origin, document.Id, status, title, chunks.Count), Added: added, Removed: removed);
            },
            cancellationToken,
            result => vectorIndex.Apply(result.Added, result.Removed));

        Log.DocumentIngested(logger, document.Id, outcome.Outcome.Status.ToString(), outcome.Outcome.Chunks);
        return outcome.Outcome;
    }

    /// <summary>Deletes a document and everything hanging off it; returns the removed chunk ids.</summary>
    internal static async Task<List<long>> DeleteDocumentAsync(
        SqliteConnection connection, SqliteTransaction transaction, string id, CancellationToken cancellationToken)
    {
        var removed = new List<long>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT id FROM chunks WHERE document_id = $id;";
            select.Parameters.AddWithValue("$id", id);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                removed.Add(reader.GetInt64(0));
            }
        }

        await using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM chunks WHERE document_id = $id; DELETE FROM documents WHERE id = $id;";
        delete.Parameters.AddWithValue("$id", id);
        await delete.ExecuteNonQueryAsync(cancellationToken);
        return removed;
    }

    private async Task<bool> IsUnchangedAsync(string id, string hash, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var existing = await DocumentStore.GetFingerprintAsync(connection, null, id, cancellationToken);
        return existing is { } e && e.Hash == hash;
    }

    private async Task InsertDocumentAsync(
        SqliteConnection connection, SqliteTransaction transaction, SourceDocument document, string title, string hash,
        string addedBy, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO documents(id, title, source, url, published, content_hash, text, added_by, added_at)
            VALUES ($id, $title, $source, $url, $published, $hash, $text, $by, $at);
            """;
        command.Parameters.AddWithValue("$id", document.Id);
        command.Parameters.AddWithValue("$title", title);
        command.Parameters.AddWithValue("$source", (object?)document.Source ?? DBNull.Value);
        command.Parameters.AddWithValue("$url", (object?)document.Url ?? DBNull.Value);
        command.Parameters.AddWithValue("$published", (object?)document.Published ?? DBNull.Value);
        command.Parameters.AddWithValue("$hash", hash);
        command.Parameters.AddWithValue("$text", document.Text);
        command.Parameters.AddWithValue("$by", addedBy);
        command.Parameters.AddWithValue("$at", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<long>> InsertChunksAsync(
        SqliteConnection connection, SqliteTransaction transaction, string documentId, IReadOnlyList<Chunk> chunks,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO chunks(document_id, ordinal, start_offset, end_offset, text)
            VALUES ($doc, $ordinal, $start, $end, $text) RETURNING id;
            """;
        var doc = command.Parameters.Add("$doc", SqliteType.Text);
        var ordinal = command.Parameters.Add("$ordinal", SqliteType.Integer);
        var start = command.Parameters.Add("$start", SqliteType.Integer);
        var end = command.Parameters.Add("$end", SqliteType.Integer);
        var text = command.Parameters.Add("$text", SqliteType.Text);
        var ids = new List<long>(chunks.Count);
        foreach (var chunk in chunks)
        {
            doc.Value = documentId;
            ordinal.Value = chunk.Ordinal;
            start.Value = chunk.Start;
            end.Value = chunk.End;
            text.Value = chunk.Text;
            ids.Add(Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture));
        }

        return ids;
    }

    /// <summary>The hash covers text and metadata, so a changed title also counts as an update.</summary>
    private static string Hash(SourceDocument document) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\u001f', document.Text, document.Title, document.Url, document.Source, document.Published))));

    private IngestOutcome Reject(string origin, string reason, string? id)
    {
        Log.InputRejected(logger, origin, reason);
        return IngestOutcome.Rejected(origin, reason, id);
    }
}

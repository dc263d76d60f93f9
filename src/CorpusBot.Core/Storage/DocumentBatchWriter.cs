using System.Globalization;
using CorpusBot.Core.Chunking;
using CorpusBot.Core.Documents;
using CorpusBot.Core.Storage.Vectors;
using Microsoft.Data.Sqlite;

namespace CorpusBot.Core.Storage;

/// <summary>
/// Writes the rows of a batch of documents (fingerprint check, document, chunks, vectors, audit entry) inside the caller's
/// transaction, each statement made and prepared once for the whole batch and run again with new values. A command made
/// per document is parsed and planned by SQLite again each time: for 10,000 topical documents that was about a third of
/// the row writes' CPU time (docs/BENCHMARKS.md, 2026-11-30 ingest section). Full-text rows are written separately, last
/// (<see cref="DocumentRows.IndexPassages"/>).
/// </summary>
internal sealed class DocumentBatchWriter(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
{
    private SqliteCommand? fingerprint;
    private SqliteCommand? document;
    private RowStatement? chunk;
    private SqliteCommand? audit;
    private EmbeddingRows.Writer? vectors;
    private string? vectorsModelId;

    public Task<(string Hash, string Title)?> GetFingerprintAsync(string id, CancellationToken cancellationToken)
    {
        fingerprint ??= DocumentStore.FingerprintCommand(connection, transaction);
        return DocumentStore.ReadFingerprintAsync(fingerprint, id, cancellationToken);
    }

    public async Task InsertDocumentAsync(
        SourceDocument source, string title, string hash, string addedBy, DateTimeOffset addedAt, CancellationToken cancellationToken)
    {
        document ??= Create(
            """
            INSERT INTO documents(id, title, source, url, published, content_hash, text, added_by, added_at, author, page_starts)
            VALUES ($id, $title, $source, $url, $published, $hash, $text, $by, $at, $author, $pages);
            """,
            ("$id", SqliteType.Text), ("$title", SqliteType.Text), ("$source", SqliteType.Text), ("$url", SqliteType.Text),
            ("$published", SqliteType.Text), ("$hash", SqliteType.Text), ("$text", SqliteType.Text), ("$by", SqliteType.Text),
            ("$at", SqliteType.Text), ("$author", SqliteType.Text), ("$pages", SqliteType.Text));
        object?[] values =
        [
            source.Id, title, source.Source, source.Url, source.Published, hash, source.Text, addedBy,
            addedAt.ToString("O", CultureInfo.InvariantCulture), source.Author, PageNumbers.Format(source.PageStarts),
        ];
        for (var i = 0; i < values.Length; i++)
        {
            document.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        await document.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Inserts the chunks in order; returns their ids.</summary>
    public List<long> InsertChunks(string documentId, IReadOnlyList<Chunk> chunks)
    {
        chunk ??= new RowStatement(connection, "INSERT INTO chunks(document_id, ordinal, start_offset, end_offset) VALUES (?1, ?2, ?3, ?4);");
        var ids = new List<long>(chunks.Count);
        foreach (var c in chunks)
        {
            chunk.Bind(1, documentId).Bind(2, c.Ordinal).Bind(3, c.Start).Bind(4, c.End).Run();
            ids.Add(chunk.LastRowId);
        }

        return ids;
    }

    /// <summary>Upserts the vectors of <paramref name="modelId"/> (see <see cref="EmbeddingRows.InsertAsync"/>).</summary>
    public async Task InsertVectorsAsync(
        string modelId, IReadOnlyList<(long ChunkId, ReadOnlyMemory<float> Vector)> rows, CancellationToken cancellationToken)
    {
        if (vectors is null || vectorsModelId != modelId)
        {
            vectors?.Dispose();
            vectors = new EmbeddingRows.Writer(connection, transaction, modelId, checkStored: true);
            vectorsModelId = modelId;
        }

        await vectors.WriteAsync(rows, cancellationToken);
    }

    public Task AuditAsync(DateTimeOffset at, string actor, string action, string documentId, string detail, CancellationToken cancellationToken)
    {
        audit ??= AuditLog.CreateCommand(connection, transaction);
        return AuditLog.WriteAsync(audit, at, actor, action, documentId, detail, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        chunk?.Dispose();
        foreach (var command in (SqliteCommand?[])[fingerprint, document, audit])
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }

        vectors?.Dispose();
    }

    private SqliteCommand Create(string sql, params (string Name, SqliteType Type)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, type) in parameters)
        {
            command.Parameters.Add(name, type);
        }

        return command;
    }
}

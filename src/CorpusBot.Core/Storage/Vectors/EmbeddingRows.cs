using Microsoft.Data.Sqlite;

namespace CorpusBot.Core.Storage.Vectors;

/// <summary>
/// Writes and deletes embeddings rows inside a caller's transaction, so the ingestor can store a document,
/// its chunks and their vectors atomically, then call <see cref="VectorIndex.Apply"/> after the commit.
/// </summary>
public static class EmbeddingRows
{
    private const string UpsertSql = """
        INSERT INTO embeddings (chunk_id, model_id, dimensions, vector, scale) VALUES (?1, ?2, ?3, ?4, ?5)
        ON CONFLICT (chunk_id, model_id) DO UPDATE SET dimensions = excluded.dimensions, vector = excluded.vector, scale = excluded.scale;
        """;

    /// <summary>
    /// Upserts one normalised vector per chunk for <paramref name="modelId"/>. Throws a
    /// <see cref="CorpusBotException"/> if the vectors disagree in length with each other or with those stored for the model.
    /// </summary>
    public static Task InsertAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string modelId,
        IReadOnlyList<(long ChunkId, ReadOnlyMemory<float> Vector)> rows,
        CancellationToken cancellationToken) =>
        WriteAsync(connection, transaction, modelId, rows, checkStored: true, cancellationToken);

    /// <summary>Deletes this model's vectors of the given chunks; returns how many rows went.</summary>
    public static async Task<int> DeleteAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string modelId,
        IEnumerable<long> chunkIds,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(chunkIds);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM embeddings WHERE chunk_id = $chunk AND model_id = $model;";
        var chunk = command.Parameters.Add("$chunk", SqliteType.Integer);
        command.Parameters.AddWithValue("$model", modelId);
        var deleted = 0;
        foreach (var chunkId in chunkIds)
        {
            chunk.Value = chunkId;
            deleted += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return deleted;
    }

    /// <summary>The dimension count stored for <paramref name="modelId"/>, or null when it has no vectors yet.</summary>
    public static async Task<int?> GetStoredDimensionsAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string modelId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT dimensions FROM embeddings WHERE model_id = $model LIMIT 1;";
        command.Parameters.AddWithValue("$model", modelId);
        return await command.ExecuteScalarAsync(cancellationToken) is long stored ? (int)stored : null;
    }

    /// <param name="checkStored">False for a reindex that replaces vectors of another length under the same model id.</param>
    internal static async Task WriteAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string modelId,
        IReadOnlyList<(long ChunkId, ReadOnlyMemory<float> Vector)> rows,
        bool checkStored,
        CancellationToken cancellationToken)
    {
        using var writer = new Writer(connection, transaction, modelId, checkStored);
        await writer.WriteAsync(rows, cancellationToken);
    }

    /// <summary>
    /// Upserts one model's vectors with one prepared statement, for as many calls as the caller makes inside its transaction
    /// (the ingestor: one call per document of a batch). The first rows fix the dimension count, checked once against
    /// those stored; later rows must agree with it. A statement made per call is parsed and planned by SQLite again each time.
    /// </summary>
    internal sealed class Writer(SqliteConnection connection, SqliteTransaction transaction, string modelId, bool checkStored)
        : IDisposable
    {
        private RowStatement? upsert;
        private int dimensions;

        /// <summary>Throws a <see cref="CorpusBotException"/> (nothing written) if the vectors disagree in length.</summary>
        public async Task WriteAsync(IReadOnlyList<(long ChunkId, ReadOnlyMemory<float> Vector)> rows, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(connection);
            ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
            ArgumentNullException.ThrowIfNull(rows);
            if (rows.Count == 0)
            {
                return;
            }

            var produced = rows[0].Vector.Length;
            if (produced == 0)
            {
                throw new CorpusBotException($"The embedder for model {modelId} produced an empty vector; check the embedding configuration.");
            }

            foreach (var row in rows)
            {
                VectorBlob.EnsureDimensions(modelId, produced, row.Vector.Length);
            }

            if (upsert is null)
            {
                if (checkStored && await GetStoredDimensionsAsync(connection, transaction, modelId, cancellationToken) is { } stored)
                {
                    VectorBlob.EnsureDimensions(modelId, stored, produced);
                }

                dimensions = produced;
                upsert = new RowStatement(connection, UpsertSql);
            }

            VectorBlob.EnsureDimensions(modelId, dimensions, produced);
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var encoded = VectorBlob.Encode(row.Vector.Span);
                upsert.Bind(1, row.ChunkId).Bind(2, modelId).Bind(3, dimensions).Bind(4, encoded.Codes).Bind(5, encoded.Scale).Run();
            }
        }

        public void Dispose() => upsert?.Dispose();
    }
}

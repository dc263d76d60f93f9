// TEMPORARY stand-in until the vectors branch lands; replaced wholesale at merge.
using Microsoft.Data.Sqlite;

namespace CorpusBot.Core.Storage.Vectors;

public static class EmbeddingRows
{
    public static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string modelId,
        IReadOnlyList<(long ChunkId, ReadOnlyMemory<float> Vector)> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var (id, v) in rows)
        {
            await using var c = connection.CreateCommand();
            c.Transaction = transaction;
            c.CommandText = "INSERT INTO embeddings(chunk_id, model_id, dimensions, vector) VALUES ($c,$m,$d,$v)";
            c.Parameters.AddWithValue("$c", id);
            c.Parameters.AddWithValue("$m", modelId);
            c.Parameters.AddWithValue("$d", v.Length);
            var bytes = new byte[v.Length * 4];
            Buffer.BlockCopy(v.ToArray(), 0, bytes, 0, bytes.Length);
            c.Parameters.AddWithValue("$v", bytes);
            await c.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

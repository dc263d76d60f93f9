using Microsoft.Data.Sqlite;

namespace CorpusBot.Core.Storage.Vectors;

/// <summary>The SQL behind <see cref="Reindexer"/>. A null dimension count matches vectors of any length.</summary>
internal static class ReindexQueries
{
    private const string Missing = """
        NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.chunk_id = c.id AND e.model_id = $model
                    AND ($dimensions IS NULL OR e.dimensions = $dimensions))
        """;

    public static async Task<int> CountChunksAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM chunks;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<string?> FirstChunkTextAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT d.text, c.start_offset, c.end_offset FROM chunks c JOIN documents d ON d.id = c.document_id ORDER BY c.id LIMIT 1;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? reader.GetString(0)[reader.GetInt32(1)..reader.GetInt32(2)] : null;
    }

    public static async Task<int> CountMissingAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string modelId, int? dimensions, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, modelId, dimensions);
        command.CommandText = $"SELECT count(*) FROM chunks c WHERE {Missing};";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Vectors of other models, or of this model with another length.</summary>
    public static async Task<int> CountStaleAsync(SqliteConnection connection, string modelId, int? dimensions, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, modelId, dimensions);
        command.CommandText = "SELECT count(*) FROM embeddings WHERE model_id <> $model OR ($dimensions IS NOT NULL AND dimensions <> $dimensions);";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<IReadOnlyList<(long Id, string Text)>> MissingBatchAsync(
        SqliteConnection connection, string modelId, int? dimensions, long afterId, int limit, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, modelId, dimensions);
        command.CommandText = $"SELECT c.id, d.text, c.start_offset, c.end_offset FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.id > $after AND {Missing} ORDER BY c.id LIMIT $limit;";
        command.Parameters.AddWithValue("$after", afterId);
        command.Parameters.AddWithValue("$limit", limit);
        var batch = new List<(long, string)>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            batch.Add((reader.GetInt64(0), reader.GetString(1)[reader.GetInt32(2)..reader.GetInt32(3)]));
        }

        return batch;
    }

    /// <summary>
    /// If every chunk has a vector of the model and length, deletes all other vectors and returns how many;
    /// otherwise changes nothing and returns null (chunks arrived meanwhile: embed them first).
    /// </summary>
    public static async Task<int?> DeleteStaleIfCompleteAsync(
        SqliteConnection connection, SqliteTransaction transaction, string modelId, int dimensions, CancellationToken cancellationToken)
    {
        if (await CountMissingAsync(connection, transaction, modelId, dimensions, cancellationToken) > 0)
        {
            return null;
        }

        await using var command = Command(connection, transaction, modelId, dimensions);
        command.CommandText = "DELETE FROM embeddings WHERE model_id <> $model OR dimensions <> $dimensions;";
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string modelId, int? dimensions)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$model", modelId);
        command.Parameters.AddWithValue("$dimensions", dimensions is { } d ? d : DBNull.Value);
        return command;
    }
}

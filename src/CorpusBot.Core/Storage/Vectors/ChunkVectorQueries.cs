using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace CorpusBot.Core.Storage.Vectors;

/// <summary>The reads behind <see cref="SqliteVectorCollection"/>: records of one model, joined to their chunks.</summary>
internal static class ChunkVectorQueries
{
    private const string Select = """
        SELECT e.chunk_id, c.document_id, e.model_id, CASE WHEN $vectors THEN e.vector END
        FROM embeddings e JOIN chunks c ON c.id = e.chunk_id
        WHERE e.model_id = $model
        """;

    public static async IAsyncEnumerable<ChunkVectorRecord> ByIdsAsync(
        SqliteConnection connection,
        string modelId,
        IReadOnlyList<long> chunkIds,
        bool includeVectors,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var batch in chunkIds.Chunk(500))
        {
            await using var command = Command(connection, modelId, includeVectors);
            var names = batch.Select((id, i) => Add(command, $"$k{i}", id));
            command.CommandText = $"{Select} AND e.chunk_id IN ({string.Join(", ", names)});";
            await foreach (var record in ReadAsync(command, cancellationToken))
            {
                yield return record;
            }
        }
    }

    public static async IAsyncEnumerable<ChunkVectorRecord> FilteredAsync(
        SqliteConnection connection,
        string modelId,
        string condition,
        IReadOnlyList<KeyValuePair<string, object>> parameters,
        string orderBy,
        int top,
        int skip,
        bool includeVectors,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = Command(connection, modelId, includeVectors);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.CommandText = $"{Select} AND ({condition}) ORDER BY {orderBy} LIMIT {top.ToString(CultureInfo.InvariantCulture)} OFFSET {skip.ToString(CultureInfo.InvariantCulture)};";
        await foreach (var record in ReadAsync(command, cancellationToken))
        {
            yield return record;
        }
    }

    /// <summary>Ids of this model's vectors whose records match <paramref name="condition"/>: a search pre-filter.</summary>
    public static async Task<HashSet<long>> MatchingIdsAsync(
        SqliteConnection connection,
        string modelId,
        string condition,
        IReadOnlyList<KeyValuePair<string, object>> parameters,
        CancellationToken cancellationToken)
    {
        await using var command = Command(connection, modelId, includeVectors: false);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.CommandText = $"SELECT e.chunk_id FROM embeddings e JOIN chunks c ON c.id = e.chunk_id WHERE e.model_id = $model AND ({condition});";
        var ids = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private static SqliteCommand Command(SqliteConnection connection, string modelId, bool includeVectors)
    {
        var command = connection.CreateCommand();
        command.Parameters.AddWithValue("$model", modelId);
        command.Parameters.AddWithValue("$vectors", includeVectors);
        return command;
    }

    private static string Add(SqliteCommand command, string name, long value)
    {
        command.Parameters.AddWithValue(name, value);
        return name;
    }

    private static async IAsyncEnumerable<ChunkVectorRecord> ReadAsync(SqliteCommand command, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new ChunkVectorRecord
            {
                ChunkId = reader.GetInt64(0),
                DocumentId = reader.GetString(1),
                ModelId = reader.GetString(2),
                Vector = reader.IsDBNull(3) ? ReadOnlyMemory<float>.Empty : VectorBlob.Decode(reader.GetFieldValue<byte[]>(3)),
            };
        }
    }
}

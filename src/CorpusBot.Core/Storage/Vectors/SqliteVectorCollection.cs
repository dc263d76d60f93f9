using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.VectorData;

namespace CorpusBot.Core.Storage.Vectors;

/// <summary>
/// The corpus's vectors of one embedding model (the collection's <see cref="Name"/>) as a VectorData collection:
/// rows in the SQLite <c>embeddings</c> table, exact search from the in-memory <see cref="VectorIndex"/>.
/// Another connector (pgvector, Qdrant) can take its place behind <see cref="VectorStoreCollection{TKey, TRecord}"/>.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "A VectorStoreCollection; connectors name theirs *Collection.")]
public sealed class SqliteVectorCollection(
    SqliteConnectionFactory connections,
    VectorIndex index,
    ILogger<SqliteVectorCollection> logger,
    IEmbeddingGenerator<string, Embedding<float>>? embeddingGenerator = null)
    : VectorStoreCollection<long, ChunkVectorRecord>
{
    public override string Name => index.ModelId;

    private string ModelId => index.ModelId is { Length: > 0 } id
        ? id
        : throw new InvalidOperationException("The vector index has no model yet: call VectorIndex.LoadAsync(connections, modelId) at start.");

    public override async Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('embeddings', 'chunks');";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 2;
    }

    /// <summary>The schema is applied at start by the migrator; this only checks that it was.</summary>
    public override async Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default)
    {
        if (!await CollectionExistsAsync(cancellationToken))
        {
            throw new CorpusBotException(
                $"The database {connections.DatabasePath} has no corpus schema; start CorpusBot once (it migrates at start) or check Storage:DatabasePath.");
        }
    }

    /// <summary>Deletes every vector of this model, in the file and the index.</summary>
    public override async Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default)
    {
        var modelId = ModelId;
        await WriteThenApplyAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM embeddings WHERE model_id = $model;";
                command.Parameters.AddWithValue("$model", modelId);
                await command.ExecuteNonQueryAsync(cancellationToken);
            },
            index.Clear,
            cancellationToken);
    }

    public override async Task<ChunkVectorRecord?> GetAsync(long key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default)
    {
        await foreach (var record in GetAsync([key], options, cancellationToken))
        {
            return record;
        }

        return null;
    }

    public override async IAsyncEnumerable<ChunkVectorRecord> GetAsync(
        IEnumerable<long> keys, RecordRetrievalOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var records = ChunkVectorQueries.ByIdsAsync(connection, ModelId, [.. keys], options?.IncludeVectors ?? false, cancellationToken);
        await foreach (var record in records)
        {
            yield return record;
        }
    }

    public override async IAsyncEnumerable<ChunkVectorRecord> GetAsync(
        Expression<Func<ChunkVectorRecord, bool>> filter,
        int top,
        FilteredRecordRetrievalOptions<ChunkVectorRecord>? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var (condition, parameters) = RecordFilterSql.Translate(filter);
        var orderBy = RecordOrderSql.Translate(options?.OrderBy);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var records = ChunkVectorQueries.FilteredAsync(
            connection, ModelId, condition, parameters, orderBy, top, options?.Skip ?? 0, options?.IncludeVectors ?? false, cancellationToken);
        await foreach (var record in records)
        {
            yield return record;
        }
    }

    public override Task DeleteAsync(long key, CancellationToken cancellationToken = default) => DeleteAsync([key], cancellationToken);

    public override async Task DeleteAsync(IEnumerable<long> keys, CancellationToken cancellationToken = default)
    {
        long[] chunkIds = [.. keys];
        var modelId = ModelId;
        await WriteThenApplyAsync(
            (connection, transaction) => EmbeddingRows.DeleteAsync(connection, transaction, modelId, chunkIds, cancellationToken),
            () => index.Apply([], chunkIds),
            cancellationToken);
        VectorLog.CollectionWritten(logger, modelId, 0, chunkIds.Length);
    }

    public override Task UpsertAsync(ChunkVectorRecord record, CancellationToken cancellationToken = default) => UpsertAsync([record], cancellationToken);

    /// <summary>Writes the vectors in one transaction, then updates the index. The chunks must exist.</summary>
    public override async Task UpsertAsync(IEnumerable<ChunkVectorRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var modelId = ModelId;
        var rows = new List<(long ChunkId, ReadOnlyMemory<float> Vector)>();
        foreach (var record in records)
        {
            if (record.ModelId.Length > 0 && record.ModelId != modelId)
            {
                throw new ArgumentException($"Record {record.ChunkId} is of model {record.ModelId}, but this collection holds {modelId}.", nameof(records));
            }

            rows.Add((record.ChunkId, record.Vector));
        }

        try
        {
            await WriteThenApplyAsync(
                (connection, transaction) => EmbeddingRows.InsertAsync(connection, transaction, modelId, rows, cancellationToken),
                () => index.Apply([.. rows.Select(r => (r.ChunkId, r.Vector.ToArray()))], []),
                cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode == 787)
        {
            throw new CorpusBotException("A vector was upserted for a chunk that does not exist; store the chunk (ingestion) before its vector.", e);
        }

        VectorLog.CollectionWritten(logger, modelId, rows.Count, 0);
    }

    public override IAsyncEnumerable<VectorSearchResult<ChunkVectorRecord>> SearchAsync<TInput>(
        TInput searchValue, int top, VectorSearchOptions<ChunkVectorRecord>? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        return new VectorCollectionSearch(connections, index, embeddingGenerator).SearchAsync(searchValue, top, options, cancellationToken);
    }

    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(VectorStoreCollectionMetadata) ? new VectorStoreCollectionMetadata
            {
                VectorStoreSystemName = "sqlite",
                VectorStoreName = Path.GetFileName(connections.DatabasePath),
                CollectionName = Name,
            }
            : serviceType.IsInstanceOfType(index) ? index
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <summary>
    /// Commits <paramref name="write"/> and applies the change to the index while still holding the write lock,
    /// so the index sees concurrent writes in commit order.
    /// </summary>
    private async Task WriteThenApplyAsync(Func<SqliteConnection, SqliteTransaction, Task> write, Action apply, CancellationToken cancellationToken)
    {
        await connections.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await write(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            apply();
        }
        finally
        {
            connections.WriteLock.Release();
        }
    }
}

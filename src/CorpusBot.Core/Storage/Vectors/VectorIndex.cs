using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Storage.Vectors;

/// <summary>
/// The exact in-memory nearest-neighbour index over the stored vectors of one embedding model. Searches run
/// concurrently under a read lock; <see cref="Apply"/> and <see cref="LoadAsync"/> swap or mutate under the write lock.
/// </summary>
public sealed class VectorIndex : IDisposable
{
    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);
    private readonly VectorIndexOptions options;
    private readonly ILogger<VectorIndex> logger;
    private VectorMatrix matrix;

    public VectorIndex(IOptions<VectorIndexOptions> options, ILogger<VectorIndex> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.logger = logger;
        matrix = new VectorMatrix(0, 0, this.options.Quantized);
    }

    /// <summary>The model whose vectors this index holds; empty until <see cref="LoadAsync"/>.</summary>
    public string ModelId { get; private set; } = string.Empty;

    /// <summary>0 until the first vector is known.</summary>
    public int Dimensions => Read(static m => m.Dimensions);

    public int Count => Read(static m => m.Count);

    public bool Quantized => options.Quantized;

    public bool Contains(long chunkId) => Read(m => m.Contains(chunkId));

    /// <summary>
    /// Replaces the contents with every stored vector of <paramref name="modelId"/> (other models are ignored).
    /// Holds the database write lock while reading, so no committed write can fall between the read and the swap;
    /// an <see cref="Apply"/> for a write committed before the load is then a harmless repeat.
    /// </summary>
    public async Task LoadAsync(SqliteConnectionFactory connections, string modelId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        var watch = Stopwatch.StartNew();
        await connections.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            var loaded = await ReadAsync(connection, modelId, cancellationToken);
            gate.EnterWriteLock();
            try
            {
                matrix = loaded;
                ModelId = modelId;
            }
            finally
            {
                gate.ExitWriteLock();
            }

            VectorLog.IndexLoaded(logger, loaded.Count, loaded.Dimensions, modelId, watch.ElapsedMilliseconds);
        }
        finally
        {
            connections.WriteLock.Release();
        }
    }

    /// <summary>
    /// Brings the index in line with a committed write: upserts <paramref name="added"/> (normalised here),
    /// drops <paramref name="removedChunkIds"/>. All or nothing: a dimension mismatch changes nothing.
    /// </summary>
    public void Apply(IReadOnlyList<(long ChunkId, float[] Vector)> added, IReadOnlyCollection<long> removedChunkIds)
    {
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(removedChunkIds);
        gate.EnterWriteLock();
        try
        {
            if (matrix.Count == 0 && added.Count > 0 && matrix.Dimensions != added[0].Vector.Length)
            {
                matrix = new VectorMatrix(added[0].Vector.Length, added.Count, options.Quantized);
            }

            foreach (var (_, vector) in added)
            {
                VectorBlob.EnsureDimensions(ModelId, matrix.Dimensions, vector.Length);
            }

            foreach (var chunkId in removedChunkIds)
            {
                matrix.Remove(chunkId);
            }

            foreach (var (chunkId, vector) in added)
            {
                matrix.Set(chunkId, vector, normalized: false);
            }
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>
    /// The <paramref name="k"/> stored vectors most similar to <paramref name="query"/> (cosine), best first.
    /// <paramref name="filter"/> runs under the read lock, only for rows good enough to enter the top k.
    /// </summary>
    public IReadOnlyList<ScoredChunk> Search(ReadOnlySpan<float> query, int k, Func<long, bool>? filter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var normalized = query.ToArray();
        VectorBlob.Normalize(normalized);
        gate.EnterReadLock();
        try
        {
            if (matrix.Count == 0)
            {
                return [];
            }

            VectorBlob.EnsureDimensions(ModelId, matrix.Dimensions, query.Length);
            k = Math.Min(k, matrix.Count);
            return matrix.Quantized
                ? MatrixSearch.Quantized(matrix, normalized, k, options.RerankFactor, filter)
                : MatrixSearch.Exact(matrix, normalized, k, filter);
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>Empties the index (after this model's vectors were deleted from the database).</summary>
    public void Clear()
    {
        gate.EnterWriteLock();
        try
        {
            matrix = new VectorMatrix(0, 0, options.Quantized);
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    public void Dispose() => gate.Dispose();

    private T Read<T>(Func<VectorMatrix, T> read)
    {
        gate.EnterReadLock();
        try
        {
            return read(matrix);
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    private async Task<VectorMatrix> ReadAsync(SqliteConnection connection, string modelId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), max(dimensions), min(dimensions) FROM embeddings WHERE model_id = $model;";
        command.Parameters.AddWithValue("$model", modelId);
        int count, dimensions;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            count = reader.GetInt32(0);
            dimensions = reader.IsDBNull(1) ? 0 : reader.GetInt32(1);
            if (!reader.IsDBNull(2) && reader.GetInt32(2) != dimensions)
            {
                throw VectorBlob.DimensionMismatch(modelId, dimensions, reader.GetInt32(2));
            }
        }

        var loaded = new VectorMatrix(dimensions, count, options.Quantized);
        var blob = new byte[dimensions * sizeof(float)];
        var vector = new float[dimensions];
        command.CommandText = "SELECT chunk_id, vector FROM embeddings WHERE model_id = $model;";
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var length = (int)reader.GetBytes(1, 0, blob, 0, blob.Length);
                VectorBlob.Decode(blob.AsSpan(0, length), vector);
                loaded.Set(reader.GetInt64(0), vector, normalized: true);
            }
        }

        return loaded;
    }
}

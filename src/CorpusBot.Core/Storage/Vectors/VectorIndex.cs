using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Storage.Vectors;

/// <summary>
/// The in-memory nearest-neighbour index over the stored vectors of one embedding model. Searches run concurrently
/// under a read lock; changes take the write lock. Up to VectorIndex:ClusterAbove vectors a search scans every row
/// (exact); from there on it scans only the lists of the nearest k-means centroids (<see cref="InvertedLists"/>),
/// trained when the index is loaded or has grown <see cref="VectorIndexOptions.RetrainGrowth"/>-fold since.
/// <para>
/// It never disagrees with what was committed. Every change to the embeddings table, by this process or another,
/// bumps a counter in the same transaction (<c>embeddings_generation</c>, kept by triggers). The index remembers the
/// counter it reflects: a write of this process goes through <see cref="CommitAsync{T}"/>, which checks dimensions
/// and allocates memory before the commit (so nothing can fail after it) and then applies the change; a write by
/// another process (`corpusbot ingest` while the bot runs), or an apply that failed anyway, leaves the counters
/// unequal, and <see cref="RefreshAsync"/> (called before each search) reloads from the file.
/// </para>
/// </summary>
public sealed class VectorIndex : IDisposable
{
    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);
    private readonly VectorIndexOptions options;
    private readonly ILogger<VectorIndex> logger;
    private VectorMatrix matrix;
    private InvertedLists? lists;
    private long generation = -1;
    private long version;

    public VectorIndex(IOptions<VectorIndexOptions> options, ILogger<VectorIndex> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.logger = logger;
        matrix = new VectorMatrix(0);
    }

    /// <summary>The model whose vectors this index holds; empty until <see cref="LoadAsync"/>.</summary>
    public string ModelId { get; private set; } = string.Empty;

    /// <summary>0 until the first vector is known.</summary>
    public int Dimensions => Read(static m => m.Dimensions);

    public int Count => Read(static m => m.Count);

    /// <summary>Changes with every change of the contents: a key for caches of corpus statistics.</summary>
    public long Version => Interlocked.Read(ref version);

    /// <summary>Whether searches scan int8 codes now: always with VectorIndex:Quantized, else from VectorIndex:QuantizeAbove rows.</summary>
    public bool Quantized => options.Quantized || Count >= options.QuantizeAbove;

    /// <summary>How many k-means lists searches probe now; 0 while every row is scanned (below VectorIndex:ClusterAbove).</summary>
    public int ListCount => Read(m => Clustered(m) ? lists!.ListCount : 0);

    public bool Contains(long chunkId) => Read(m => m.Contains(chunkId));

    /// <summary>
    /// Replaces the contents with every stored vector of <paramref name="modelId"/> (other models are ignored).
    /// Holds the database write lock while reading, so no committed write can fall between the read and the swap.
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
            await using var transaction = connection.BeginTransaction(deferred: true);
            var loadedGeneration = await ReadGenerationAsync(connection, transaction, cancellationToken);
            var loaded = await ReadAsync(connection, transaction, modelId, cancellationToken);
            var loadedLists = loaded.Count >= options.ClusterAbove ? Cluster(loaded, modelId) : null;
            gate.EnterWriteLock();
            try
            {
                matrix = loaded;
                lists = loadedLists;
                ModelId = modelId;
                generation = loadedGeneration;
                Interlocked.Increment(ref version);
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

    /// <summary>Reloads from the file if the stored vectors changed since the index last matched them (another process wrote).</summary>
    public async Task RefreshAsync(SqliteConnectionFactory connections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        if (ModelId.Length == 0)
        {
            return;
        }

        long stored;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            stored = await ReadGenerationAsync(connection, null, cancellationToken);
        }

        if (stored != Interlocked.Read(ref generation))
        {
            VectorLog.IndexStale(logger, ModelId);
            await LoadAsync(connections, ModelId, cancellationToken);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction (<see cref="SqliteConnectionFactory.WriteAsync{T}"/>) and
    /// mirrors the vector change it reports: checked and allocated for before the commit (a mismatch rolls the whole
    /// write back), applied after it without growing the matrix. If another process wrote since the index last matched the
    /// file, or the apply fails regardless, the index is marked stale and the next <see cref="RefreshAsync"/> reloads it.
    /// </summary>
    public async Task<T> CommitAsync<T>(
        SqliteConnectionFactory connections,
        Func<SqliteConnection, SqliteTransaction, Task<(T Result, VectorChange Change)>> work,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(work);
        var outcome = await connections.WriteAsync(
            async (connection, transaction) =>
            {
                var before = await ReadGenerationAsync(connection, transaction, cancellationToken);
                var (result, change) = await work(connection, transaction);
                var after = await ReadGenerationAsync(connection, transaction, cancellationToken);
                Prepare(change);
                return (result, change, before, after);
            },
            cancellationToken,
            written => Committed(written.change, written.before, written.after));
        return outcome.result;
    }

    /// <summary>
    /// Brings the in-memory contents in line with vectors that are not (or not yet) in a file: the benchmark and tests.
    /// Upserts <paramref name="added"/> (normalised here), drops <paramref name="removedChunkIds"/>; all or nothing.
    /// </summary>
    public void Apply(IReadOnlyList<(long ChunkId, float[] Vector)> added, IReadOnlyCollection<long> removedChunkIds)
    {
        var change = new VectorChange(ModelId, added, removedChunkIds);
        Prepare(change);
        gate.EnterWriteLock();
        try
        {
            ApplyPrepared(change, asStored: false);
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
    public IReadOnlyList<ScoredChunk> Search(ReadOnlySpan<float> query, int k, Func<long, bool>? filter = null) =>
        Search(query, k, filter, probeLists: true);

    /// <summary>As <see cref="Search(ReadOnlySpan{float}, int, Func{long, bool}?)"/> but scanning every row: what the lists' recall is measured against.</summary>
    internal IReadOnlyList<ScoredChunk> SearchEveryRow(ReadOnlySpan<float> query, int k) => Search(query, k, null, probeLists: false);

    /// <summary>As <see cref="Search(ReadOnlySpan{float}, int, Func{long, bool}?)"/> scanning <paramref name="probeRows"/> rows instead of VectorIndex:ProbeFactor × √rows: recall against cost, for the benchmark.</summary>
    internal IReadOnlyList<ScoredChunk> SearchProbing(ReadOnlySpan<float> query, int k, int probeRows) => Search(query, k, null, probeLists: true, probeRows);

    private ScoredChunk[] Search(ReadOnlySpan<float> query, int k, Func<long, bool>? filter, bool probeLists, int probeRows = 0)
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
            if (probeLists && Clustered(matrix))
            {
                return lists!.Search(matrix, normalized, k, probeRows > 0 ? probeRows : ProbeRows(matrix.Count), options.RerankFactor, filter);
            }

            return options.Quantized || matrix.Count >= options.QuantizeAbove
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
            matrix = new VectorMatrix(0);
            lists = null;
            Interlocked.Increment(ref version);
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    public void Dispose() => gate.Dispose();

    /// <summary>The counter the embeddings triggers bump; read inside the caller's transaction when it has one.</summary>
    internal static async Task<long> ReadGenerationAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM embeddings_generation WHERE id = 0;";
        return await command.ExecuteScalarAsync(cancellationToken) is long value ? value : 0;
    }

    /// <summary>Checks dimensions and allocates for <paramref name="change"/>; throws (before any commit) on a mismatch.</summary>
    private void Prepare(VectorChange change)
    {
        if (!Mirrors(change) || change.Added.Count == 0)
        {
            return;
        }

        gate.EnterWriteLock();
        try
        {
            var dimensions = change.Added[0].Vector.Length;
            if (matrix.Count == 0 && matrix.Dimensions != dimensions)
            {
                matrix = new VectorMatrix(dimensions, change.Added.Count);
                lists = null; // centroids of the old length
            }

            foreach (var (_, vector) in change.Added)
            {
                VectorBlob.EnsureDimensions(ModelId, matrix.Dimensions, vector.Length);
            }

            matrix.Reserve(change.Added.Count);
            lists?.Reserve(matrix.Count + change.Added.Count);
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    private void Committed(VectorChange change, long before, long after)
    {
        gate.EnterWriteLock();
        try
        {
            if (generation != -1 && before != generation)
            {
                return; // another process wrote since the last load: the next refresh reloads everything
            }

            ApplyPrepared(change, asStored: true);
            generation = after;
        }
        catch (Exception e) when (e is ArgumentException or CorpusBotException or OutOfMemoryException)
        {
            VectorLog.IndexApplyFailed(logger, ModelId, e);
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>
    /// Applies a prepared change; the caller holds the write lock. <paramref name="asStored"/>: a committed change is
    /// held as the file holds it (int8, <see cref="VectorBlob"/>), so a question gets the same answer before and after
    /// a restart reloads the index.
    /// </summary>
    private void ApplyPrepared(VectorChange change, bool asStored)
    {
        if (!Mirrors(change))
        {
            return;
        }

        foreach (var chunkId in change.Removed)
        {
            if (matrix.Remove(chunkId, out var row, out var movedFrom))
            {
                lists?.Remove(row, movedFrom);
            }
        }

        foreach (var (chunkId, vector) in change.Added)
        {
            int row;
            if (asStored)
            {
                var encoded = VectorBlob.Encode(vector);
                row = matrix.Set(chunkId, VectorBlob.Decode(encoded.Codes, encoded.Scale, vector.Length), normalized: true);
            }
            else
            {
                row = matrix.Set(chunkId, vector, normalized: false);
            }

            lists?.Place(matrix, row);
        }

        if (matrix.Count >= options.ClusterAbove && (lists is null || matrix.Count >= lists.TrainedRows * options.RetrainGrowth))
        {
            // Under the write lock: searches wait for the build (~3 s for 737k rows on 2 cores, docs/BENCHMARKS.md),
            // which happens once per RetrainGrowth-fold growth of the corpus.
            lists = Cluster(matrix, ModelId);
        }

        Interlocked.Increment(ref version);
    }

    private bool Clustered(VectorMatrix current) => lists is not null && current.Count >= options.ClusterAbove;

    /// <summary>Rows a search of the lists scans at least: VectorIndex:ProbeFactor × √rows.</summary>
    internal int ProbeRows(int rows) => (int)Math.Min(int.MaxValue, Math.Ceiling(options.ProbeFactor * Math.Sqrt(rows)));

    /// <summary>Trains the centroids and files every row (seeded: the same rows in the same order give the same lists).</summary>
    private InvertedLists Cluster(VectorMatrix rows, string modelId)
    {
        var watch = Stopwatch.StartNew();
        var count = Math.Min(rows.Count, options.Lists > 0 ? options.Lists : InvertedLists.AutomaticListCount(rows.Count));
        var built = InvertedLists.Build(rows, count, options.Seed);
        VectorLog.IndexClustered(logger, count, rows.Count, modelId, watch.ElapsedMilliseconds);
        return built;
    }

    /// <summary>Changes of the index's own model (or any, before a model is loaded) are mirrored; others are not its business.</summary>
    private bool Mirrors(VectorChange change) => ModelId.Length == 0 || change.ModelId.Length == 0 || change.ModelId == ModelId;

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

    private static async Task<VectorMatrix> ReadAsync(SqliteConnection connection, SqliteTransaction transaction, string modelId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
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

        var loaded = new VectorMatrix(dimensions, count);
        loaded.Reserve(count);
        var blob = new byte[dimensions * sizeof(float)];
        var vector = new float[dimensions];
        command.CommandText = "SELECT chunk_id, vector, scale FROM embeddings WHERE model_id = $model;";
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var length = (int)reader.GetBytes(1, 0, blob, 0, blob.Length);
                VectorBlob.Decode(blob.AsSpan(0, length), reader.IsDBNull(2) ? null : reader.GetDouble(2), vector);
                loaded.Set(reader.GetInt64(0), vector, normalized: true);
            }
        }

        return loaded;
    }
}

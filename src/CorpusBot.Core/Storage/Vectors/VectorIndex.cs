// TEMPORARY stand-in until the vectors branch lands; replaced wholesale at merge.
using Microsoft.Data.Sqlite;

namespace CorpusBot.Core.Storage.Vectors;

public sealed class VectorIndex
{
    private readonly Dictionary<long, float[]> rows = [];

    public string ModelId { get; private set; } = "";

    public int Count => rows.Count;

    public async Task LoadAsync(SqliteConnectionFactory connections, string modelId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ModelId = modelId;
        lock (rows) { rows.Clear(); }
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT chunk_id, vector FROM embeddings WHERE model_id = $m";
        command.Parameters.AddWithValue("$m", modelId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var blob = (byte[])reader.GetValue(1);
            var v = new float[blob.Length / 4];
            Buffer.BlockCopy(blob, 0, v, 0, blob.Length);
            lock (rows) { rows[reader.GetInt64(0)] = v; }
        }
    }

    public void Apply(IReadOnlyList<(long ChunkId, float[] Vector)> added, IReadOnlyCollection<long> removedChunkIds)
    {
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(removedChunkIds);
        lock (rows)
        {
            foreach (var id in removedChunkIds) { rows.Remove(id); }
            foreach (var (id, v) in added) { rows[id] = v; }
        }
    }

    public IReadOnlyList<(long ChunkId, float Score)> Search(ReadOnlySpan<float> query, int k)
    {
        var q = query.ToArray();
        lock (rows)
        {
            return rows.Select(r => (r.Key, System.Numerics.Tensors.TensorPrimitives.Dot(r.Value, q)))
                .OrderByDescending(x => x.Item2).Take(k).ToList();
        }
    }
}

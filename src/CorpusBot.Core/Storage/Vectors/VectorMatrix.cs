namespace CorpusBot.Core.Storage.Vectors;

/// <summary>
/// Rows of unit vectors in one contiguous row-major array, a parallel array of chunk ids and a chunk→row map.
/// Capacity doubles; a removal moves the last row into the hole. Optionally keeps int8 codes beside the floats.
/// Not thread-safe: <see cref="VectorIndex"/> guards it.
/// </summary>
internal sealed class VectorMatrix
{
    private const int MinimumCapacity = 64;
    private readonly Dictionary<long, int> rowOf;
    private float[] values;
    private long[] ids;
    private sbyte[] codes;
    private float[] scales;

    public VectorMatrix(int dimensions, int capacity, bool quantized)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimensions);
        Dimensions = dimensions;
        Quantized = quantized;
        capacity = Math.Max(capacity, MinimumCapacity);
        rowOf = new Dictionary<long, int>(capacity);
        values = new float[(long)capacity * dimensions];
        ids = new long[capacity];
        codes = quantized ? new sbyte[(long)capacity * dimensions] : [];
        scales = quantized ? new float[capacity] : [];
    }

    public int Dimensions { get; }

    public bool Quantized { get; }

    public int Count { get; private set; }

    public long ChunkIdAt(int row) => ids[row];

    public ReadOnlySpan<float> Row(int row) => values.AsSpan(row * Dimensions, Dimensions);

    public ReadOnlySpan<sbyte> Codes(int row) => codes.AsSpan(row * Dimensions, Dimensions);

    public float Scale(int row) => scales[row];

    public bool Contains(long chunkId) => rowOf.ContainsKey(chunkId);

    /// <summary>Adds or replaces the vector of <paramref name="chunkId"/>; normalises it unless it already is.</summary>
    public void Set(long chunkId, ReadOnlySpan<float> vector, bool normalized)
    {
        if (vector.Length != Dimensions)
        {
            throw new ArgumentException($"Expected {Dimensions} dimensions, got {vector.Length}.", nameof(vector));
        }

        if (!rowOf.TryGetValue(chunkId, out var row))
        {
            EnsureCapacity(Count + 1);
            row = Count++;
            rowOf.Add(chunkId, row);
            ids[row] = chunkId;
        }

        var target = values.AsSpan(row * Dimensions, Dimensions);
        vector.CopyTo(target);
        if (!normalized)
        {
            VectorBlob.Normalize(target);
        }

        if (Quantized)
        {
            scales[row] = Int8Codec.Quantize(target, codes.AsSpan(row * Dimensions, Dimensions));
        }
    }

    public bool Remove(long chunkId)
    {
        if (!rowOf.Remove(chunkId, out var row))
        {
            return false;
        }

        var last = --Count;
        if (row != last)
        {
            var moved = ids[last];
            ids[row] = moved;
            rowOf[moved] = row;
            values.AsSpan(last * Dimensions, Dimensions).CopyTo(values.AsSpan(row * Dimensions, Dimensions));
            if (Quantized)
            {
                codes.AsSpan(last * Dimensions, Dimensions).CopyTo(codes.AsSpan(row * Dimensions, Dimensions));
                scales[row] = scales[last];
            }
        }

        return true;
    }

    private void EnsureCapacity(int rows)
    {
        if (rows <= ids.Length)
        {
            return;
        }

        var capacity = Math.Max(rows, ids.Length * 2);
        Array.Resize(ref ids, capacity);
        Array.Resize(ref values, capacity * Dimensions);
        if (Quantized)
        {
            Array.Resize(ref codes, capacity * Dimensions);
            Array.Resize(ref scales, capacity);
        }
    }
}

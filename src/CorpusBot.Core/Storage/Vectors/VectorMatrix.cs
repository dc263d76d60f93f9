namespace CorpusBot.Core.Storage.Vectors;

/// <summary>
/// Rows of unit vectors with their int8 codes, a parallel list of chunk ids and a chunk→row map. Rows live in blocks of
/// a fixed number of rows (about <see cref="BlockBytes"/> of floats each): growing adds a block and never copies the
/// rows already held, so adding to a million-row index costs one block, not a second copy of the whole matrix; offsets
/// inside a block stay far below int range whatever the total. A removal moves the last row into the hole.
/// Not thread-safe: <see cref="VectorIndex"/> guards it.
/// </summary>
internal sealed class VectorMatrix
{
    /// <summary>Float bytes per block (rounded down to a power-of-two row count, at least one row).</summary>
    public const int BlockBytes = 16 << 20;

    private readonly Dictionary<long, int> rowOf;
    private readonly List<Block> blocks = [];
    private readonly int shift;
    private readonly int mask;

    /// <param name="capacityHint">Rows expected; sizes the chunk→row map only, no block is allocated ahead.</param>
    public VectorMatrix(int dimensions, int capacityHint = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimensions);
        ArgumentOutOfRangeException.ThrowIfNegative(capacityHint);
        Dimensions = dimensions;
        var rows = Math.Max(1, BlockBytes / (Math.Max(1, dimensions) * sizeof(float)));
        shift = 31 - int.LeadingZeroCount(rows); // rows per block: the largest power of two that fits
        RowsPerBlock = 1 << shift;
        mask = RowsPerBlock - 1;
        rowOf = new Dictionary<long, int>(Math.Min(capacityHint, 1 << 24));
    }

    public int Dimensions { get; }

    public int RowsPerBlock { get; }

    public int Count { get; private set; }

    /// <summary>Rows the allocated blocks can hold.</summary>
    public long Capacity => (long)blocks.Count * RowsPerBlock;

    public long ChunkIdAt(int row) => blocks[row >> shift].Ids[row & mask];

    public ReadOnlySpan<float> Row(int row) => blocks[row >> shift].Values.AsSpan((row & mask) * Dimensions, Dimensions);

    public ReadOnlySpan<sbyte> Codes(int row) => blocks[row >> shift].Codes.AsSpan((row & mask) * Dimensions, Dimensions);

    public float Scale(int row) => blocks[row >> shift].Scales[row & mask];

    /// <summary>The rows of block <paramref name="block"/> that are in use, for scans that walk memory in order.</summary>
    public (ReadOnlyMemory<float> Values, ReadOnlyMemory<sbyte> Codes, ReadOnlyMemory<float> Scales, int FirstRow, int Rows) BlockAt(int block)
    {
        var first = block << shift;
        var rows = Math.Min(RowsPerBlock, Count - first);
        var b = blocks[block];
        return (b.Values.AsMemory(0, rows * Dimensions), b.Codes.AsMemory(0, rows * Dimensions), b.Scales.AsMemory(0, rows), first, rows);
    }

    public int BlocksInUse => Count == 0 ? 0 : ((Count - 1) >> shift) + 1;

    public bool Contains(long chunkId) => rowOf.ContainsKey(chunkId);

    /// <summary>
    /// Allocates what <paramref name="extraRows"/> more rows need (blocks and map entries), so that the
    /// <see cref="Set"/> calls that follow allocate nothing and cannot fail for want of memory.
    /// </summary>
    public void Reserve(int extraRows)
    {
        var needed = (long)Count + extraRows;
        while (Capacity < needed)
        {
            blocks.Add(new Block(RowsPerBlock, Dimensions));
        }

        // Grow the map geometrically: EnsureCapacity(n) alone would rehash on every call that adds a row.
        var mapCapacity = rowOf.EnsureCapacity(0);
        if (mapCapacity < needed)
        {
            rowOf.EnsureCapacity((int)Math.Min(Math.Max(needed, mapCapacity * 2L), Array.MaxLength));
        }
    }

    /// <summary>Adds or replaces the vector of <paramref name="chunkId"/>; normalises it unless it already is. Returns its row.</summary>
    public int Set(long chunkId, ReadOnlySpan<float> vector, bool normalized)
    {
        if (vector.Length != Dimensions)
        {
            throw new ArgumentException($"Expected {Dimensions} dimensions, got {vector.Length}.", nameof(vector));
        }

        if (!rowOf.TryGetValue(chunkId, out var row))
        {
            Reserve(1);
            row = Count++;
            rowOf.Add(chunkId, row);
            blocks[row >> shift].Ids[row & mask] = chunkId;
        }

        var block = blocks[row >> shift];
        var offset = (row & mask) * Dimensions;
        var target = block.Values.AsSpan(offset, Dimensions);
        vector.CopyTo(target);
        if (!normalized)
        {
            VectorBlob.Normalize(target);
        }

        block.Scales[row & mask] = Int8Codec.Quantize(target, block.Codes.AsSpan(offset, Dimensions));
        return row;
    }

    public bool Remove(long chunkId) => Remove(chunkId, out _, out _);

    /// <summary>
    /// Drops the row of <paramref name="chunkId"/>: <paramref name="row"/> is where it was, and the last row
    /// (<paramref name="movedFrom"/>, which equals <paramref name="row"/> when it was the last) now lives there.
    /// </summary>
    public bool Remove(long chunkId, out int row, out int movedFrom)
    {
        if (!rowOf.Remove(chunkId, out row))
        {
            movedFrom = -1;
            return false;
        }

        var last = --Count;
        movedFrom = last;
        if (row != last)
        {
            var from = blocks[last >> shift];
            var to = blocks[row >> shift];
            var moved = from.Ids[last & mask];
            to.Ids[row & mask] = moved;
            rowOf[moved] = row;
            from.Values.AsSpan((last & mask) * Dimensions, Dimensions).CopyTo(to.Values.AsSpan((row & mask) * Dimensions, Dimensions));
            from.Codes.AsSpan((last & mask) * Dimensions, Dimensions).CopyTo(to.Codes.AsSpan((row & mask) * Dimensions, Dimensions));
            to.Scales[row & mask] = from.Scales[last & mask];
        }

        return true;
    }

    private sealed class Block(int rows, int dimensions)
    {
        public float[] Values { get; } = new float[rows * dimensions];

        public sbyte[] Codes { get; } = new sbyte[rows * dimensions];

        public float[] Scales { get; } = new float[rows];

        public long[] Ids { get; } = new long[rows];
    }
}

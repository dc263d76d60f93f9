using CorpusBot.Core.Storage.Vectors;

namespace CorpusBot.Core.Tests.Storage.Vectors;

/// <summary>Issue 9 item 6: the matrix must address any size and grow without copying what it holds.</summary>
public sealed class VectorMatrixTests
{
    [Fact]
    public void Constructor_CapacityPastIntRangeOfFloats_AllocatesNothingAheadAndAddressesRows()
    {
        // 65,536 rows × 65,536 dimensions is 2^32 floats: one array cannot hold it, and int offsets overflow.
        const int dimensions = 1 << 16;
        var matrix = new VectorMatrix(dimensions, capacityHint: 1 << 16);

        for (var row = 0; row < 3; row++)
        {
            var vector = new float[dimensions];
            vector[row] = 1f;
            matrix.Set(100 + row, vector, normalized: true);
        }

        Assert.Equal(3, matrix.Count);
        Assert.Equal(1f, matrix.Row(2)[2]);
        Assert.Equal(102, matrix.ChunkIdAt(2));
        Assert.True(matrix.Capacity < 1 << 16, "capacity is allocated block by block, not all at once");
    }

    [Fact]
    public void Apply_OneVectorMoreThanTheIndexHolds_AllocatesAtMostOneBlock()
    {
        const int dimensions = 384;
        using var index = VectorIndexTests.Create();
        var random = new Random(9);
        var vector = RandomVectors.Next(random, dimensions);
        long largest = 0;
        for (var id = 1; id <= 40_000; id++)
        {
            var batch = new List<(long, float[])> { (id, vector) };
            var before = GC.GetAllocatedBytesForCurrentThread();
            index.Apply(batch, []);
            largest = Math.Max(largest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        // One block is 16 MiB of floats plus its int8 codes; doubling a 32,768-row matrix would copy 50+ MiB.
        Assert.Equal(40_000, index.Count);
        Assert.InRange(largest, 0, 24L << 20);
    }

    [Fact]
    public void Remove_MovesTheLastRowIntoTheHole_AcrossBlocks()
    {
        const int dimensions = 1 << 16; // 64 rows per block
        var matrix = new VectorMatrix(dimensions);
        Assert.Equal(64, matrix.RowsPerBlock);
        for (var id = 0; id < 100; id++)
        {
            var vector = new float[dimensions];
            vector[id] = 1f;
            matrix.Set(id, vector, normalized: true);
        }

        Assert.True(matrix.Remove(5));

        Assert.Equal(99, matrix.Count);
        Assert.Equal(99, matrix.ChunkIdAt(5)); // the last row (block 2) now fills row 5 (block 1)
        Assert.Equal(1f, matrix.Row(5)[99]);
        Assert.False(matrix.Contains(5));
    }
}

using CorpusBot.Core.Embeddings.Onnx;

namespace CorpusBot.Core.Tests.Embeddings;

/// <summary>How <see cref="OnnxEmbeddingModel"/> cuts a call's length-sorted texts into batches for the cores.</summary>
public sealed class OnnxBatchingTests
{
    [Theory]
    [InlineData(0, 8, 2, new int[0])]
    [InlineData(1, 8, 2, new[] { 1 })]
    [InlineData(5, 8, 2, new[] { 3, 2 })] // one document's passages still fill both cores
    [InlineData(16, 8, 2, new[] { 8, 8 })]
    [InlineData(20, 8, 2, new[] { 7, 7, 6 })] // never more than the batch size, sizes within one
    [InlineData(5, 1, 2, new[] { 1, 1, 1, 1, 1 })] // Int8: every text alone
    [InlineData(3, 8, 4, new[] { 1, 1, 1 })]
    public void Partition_CoversEveryTextOnce_InOrder(int count, int batchSize, int workers, int[] sizes)
    {
        var ranges = OnnxEmbeddingModel.Partition(count, batchSize, workers);

        Assert.Equal(sizes, ranges.Select(r => r.GetOffsetAndLength(count).Length));
        Assert.Equal(Enumerable.Range(0, count), ranges.SelectMany(r => Enumerable.Range(r.Start.Value, r.GetOffsetAndLength(count).Length)));
    }
}

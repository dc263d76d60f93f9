using System.Buffers.Binary;
using CorpusBot.Core.Storage.Vectors;

namespace CorpusBot.Core.Tests.Storage.Vectors;

public sealed class VectorBlobTests
{
    [Fact]
    public void Encode_Decode_RoundTripsTheNormalisedVector()
    {
        var vector = new[] { 3f, 4f, 0f, -12f };

        var decoded = VectorBlob.Decode(VectorBlob.Encode(vector), vector.Length);

        Assert.Equal(new[] { 3f / 13, 4f / 13, 0f, -12f / 13 }, decoded, (a, b) => Math.Abs(a - b) < 1e-3f); // float16: 3 digits
    }

    [Fact]
    public void Encode_WritesLittleEndianFloat16()
    {
        var blob = VectorBlob.Encode([0f, 1f]);

        Assert.Equal(4, blob.Length);
        Assert.Equal((Half)1f, BinaryPrimitives.ReadHalfLittleEndian(blob.AsSpan(2)));
    }

    [Fact]
    public void Decode_Float32BlobOfAnEarlierVersion_StillReads()
    {
        var blob = new byte[8];
        BinaryPrimitives.WriteSingleLittleEndian(blob.AsSpan(4), 0.6f);

        var decoded = VectorBlob.Decode(blob, 2);

        Assert.Equal(0f, decoded[0]);
        Assert.Equal(0.6f, decoded[1]);
    }

    [Fact]
    public void Encode_ZeroVector_StaysZero()
    {
        Assert.All(VectorBlob.Decode(VectorBlob.Encode(new float[3]), 3), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Decode_WrongLength_ThrowsWithFix()
    {
        var error = Assert.Throws<CorpusBotException>(() => VectorBlob.Decode(new byte[12], new float[4]));

        Assert.Contains("corpusbot reindex", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureDimensions_Mismatch_MessageNamesModelSizesAndFix()
    {
        var error = Assert.Throws<CorpusBotException>(() => VectorBlob.EnsureDimensions("bge-small", 384, 256));

        Assert.StartsWith("Stored vectors for model bge-small have 384 dimensions but the embedder produced 256; run `corpusbot reindex`", error.Message, StringComparison.Ordinal);
    }
}

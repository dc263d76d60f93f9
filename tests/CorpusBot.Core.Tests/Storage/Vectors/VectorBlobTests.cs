using System.Buffers.Binary;
using CorpusBot.Core.Storage.Vectors;

namespace CorpusBot.Core.Tests.Storage.Vectors;

public sealed class VectorBlobTests
{
    [Fact]
    public void Encode_Decode_RoundTripsTheNormalisedVector()
    {
        var vector = new[] { 3f, 4f, 0f, -12f };

        var encoded = VectorBlob.Encode(vector);
        var decoded = VectorBlob.Decode(encoded.Codes, encoded.Scale, vector.Length);

        // int8: a step of 1/127 of the largest component (12/13), so each value within half a step.
        Assert.Equal(new[] { 3f / 13, 4f / 13, 0f, -12f / 13 }, decoded, (a, b) => Math.Abs(a - b) < 0.004f);
        Assert.Equal(1f, MathF.Sqrt(decoded.Sum(v => v * v)), 5);
    }

    [Fact]
    public void Encode_WritesOneInt8CodeADimensionAndItsScale()
    {
        var encoded = VectorBlob.Encode([0f, -4f, 1f]);

        Assert.Equal(3, encoded.Codes.Length);
        Assert.Equal(new sbyte[] { 0, -127, 32 }, encoded.Codes.Select(b => (sbyte)b)); // 127 / 4 = 31.75
        Assert.Equal(4f / MathF.Sqrt(17) / 127, encoded.Scale, 6);
    }

    [Fact]
    public void Decode_Float16BlobOfSchema10_StillReads()
    {
        var blob = new byte[4];
        BinaryPrimitives.WriteHalfLittleEndian(blob.AsSpan(2), (Half)0.6f);

        var decoded = VectorBlob.Decode(blob, null, 2);

        Assert.Equal(0f, decoded[0]);
        Assert.Equal(0.6f, decoded[1], 3);
    }

    [Fact]
    public void Decode_Float32BlobOfAnEarlierVersion_StillReads()
    {
        var blob = new byte[8];
        BinaryPrimitives.WriteSingleLittleEndian(blob.AsSpan(4), 0.6f);

        var decoded = VectorBlob.Decode(blob, null, 2);

        Assert.Equal(0f, decoded[0]);
        Assert.Equal(0.6f, decoded[1]);
    }

    [Fact]
    public void Encode_ZeroVector_StaysZero()
    {
        var encoded = VectorBlob.Encode(new float[3]);

        Assert.All(VectorBlob.Decode(encoded.Codes, encoded.Scale, 3), v => Assert.Equal(0f, v));
    }

    [Theory]
    [InlineData(12, false)] // neither float16 (8 bytes) nor float32 (16) for 4 dimensions
    [InlineData(3, true)] // int8 codes of 3 dimensions where 4 are expected
    [InlineData(8, true)] // a float16 length, but a scale says int8
    public void Decode_WrongLength_ThrowsWithFix(int bytes, bool withScale)
    {
        var error = Assert.Throws<CorpusBotException>(() => VectorBlob.Decode(new byte[bytes], withScale ? 0.01 : null, new float[4]));

        Assert.Contains("corpusbot reindex", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureDimensions_Mismatch_MessageNamesModelSizesAndFix()
    {
        var error = Assert.Throws<CorpusBotException>(() => VectorBlob.EnsureDimensions("bge-small", 384, 256));

        Assert.StartsWith("Stored vectors for model bge-small have 384 dimensions but the embedder produced 256; run `corpusbot reindex`", error.Message, StringComparison.Ordinal);
    }
}

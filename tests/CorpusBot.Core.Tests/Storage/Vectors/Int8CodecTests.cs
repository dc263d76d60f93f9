using CorpusBot.Core.Storage.Vectors;

namespace CorpusBot.Core.Tests.Storage.Vectors;

public sealed class Int8CodecTests
{
    [Theory]
    [InlineData(7, 384, 1)] // 4-row kernel (VNNI where the CPU has it) plus a remainder of three
    [InlineData(9, 64, 2)]
    [InlineData(5, 40, 3)] // not a multiple of 32: the plain path
    [InlineData(1, 384, 4)]
    public void DotRows_EqualsTheDotProductOfEachRow(int rows, int dimensions, int seed)
    {
        var random = new Random(seed);
        var codes = Codes(random, rows * dimensions);
        var query = Codes(random, dimensions);
        var results = new int[rows];

        Int8Codec.DotRows(codes, query, results);

        for (var r = 0; r < rows; r++)
        {
            var expected = 0;
            for (var i = 0; i < dimensions; i++)
            {
                expected += codes[(r * dimensions) + i] * query[i];
            }

            Assert.Equal(expected, results[r]);
        }
    }

    [Fact]
    public void DotRows_AtTheExtremes_DoesNotSaturate()
    {
        // 384 × 127 × 127 and its negative: any 16-bit intermediate sum would have clipped these.
        var query = Enumerable.Repeat((sbyte)127, 384).ToArray();
        sbyte[] codes = [.. Enumerable.Repeat((sbyte)127, 384), .. Enumerable.Repeat((sbyte)-127, 384), .. Enumerable.Repeat((sbyte)127, 384), .. Enumerable.Repeat((sbyte)-127, 384)];
        var results = new int[4];

        Int8Codec.DotRows(codes, query, results);

        Assert.Equal([384 * 127 * 127, -384 * 127 * 127, 384 * 127 * 127, -384 * 127 * 127], results);
    }

    [Fact]
    public void DotRows_TooFewCodes_Throws()
    {
        Assert.Throws<ArgumentException>(() => Int8Codec.DotRows(new sbyte[100], new sbyte[32], new int[4]));
    }

    private static sbyte[] Codes(Random random, int count) => [.. Enumerable.Range(0, count).Select(_ => (sbyte)random.Next(-127, 128))];
}

using System.Numerics.Tensors;
using CorpusBot.Core.Storage.Vectors;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Tests.Storage.Vectors;

public sealed class VectorIndexTests
{
    private const int Dimensions = 48;

    internal static VectorIndex Create(bool quantized = false) =>
        new(Options.Create(new VectorIndexOptions { Quantized = quantized }), NullLogger<VectorIndex>.Instance);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 10)]
    [InlineData(2, 1)]
    [InlineData(2, 10)]
    [InlineData(3, 10)]
    public void Search_AfterAddsAndRemovals_EqualsBruteForce(int seed, int k)
    {
        var random = new Random(seed);
        var reference = new Dictionary<long, float[]>();
        using var index = Create();
        for (var round = 0; round < 5; round++)
        {
            var added = Enumerable.Range(0, 300).Select(_ => ((long)random.Next(1, 2_000), RandomVectors.Next(random, Dimensions))).ToList();
            var removed = reference.Keys.Where(_ => random.Next(4) == 0).ToList();
            index.Apply(added, removed);
            removed.ForEach(id => reference.Remove(id));
            added.ForEach(a => reference[a.Item1] = a.Item2);

            var query = RandomVectors.Next(random, Dimensions);
            Assert.Equal(reference.Count, index.Count);
            Assert.Equal(BruteForce(reference, query, k), index.Search(query, k).Select(h => h.ChunkId));
        }
    }

    [Fact]
    public void Search_WithFilter_ReturnsOnlyAcceptedChunks()
    {
        var random = new Random(7);
        var vectors = Enumerable.Range(1, 500).ToDictionary(i => (long)i, _ => RandomVectors.Next(random, Dimensions));
        using var index = Create();
        index.Apply([.. vectors.Select(v => (v.Key, v.Value))], []);
        var query = RandomVectors.Next(random, Dimensions);

        var hits = index.Search(query, 10, id => id % 3 == 0);

        var expected = BruteForce(vectors.Where(v => v.Key % 3 == 0).ToDictionary(), query, 10);
        Assert.Equal(expected, hits.Select(h => h.ChunkId));
    }

    [Fact]
    public void Search_ScoresAreCosineSimilarity()
    {
        using var index = Create();
        index.Apply([(1, [2f, 0f, 0f]), (2, [1f, 1f, 0f])], []);

        var hits = index.Search([5f, 0f, 0f], 2);

        Assert.Equal(1, hits[0].ChunkId);
        Assert.Equal(1f, hits[0].Score, 1e-6f);
        Assert.Equal(MathF.Sqrt(0.5f), hits[1].Score, 1e-6f);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Search_Quantized_SameTopTenAsExactAfterReranking(int seed)
    {
        var random = new Random(seed);
        var added = Enumerable.Range(1, 5_000).Select(i => ((long)i, RandomVectors.Next(random, 384))).ToList();
        using var exact = Create();
        using var quantized = Create(quantized: true);
        exact.Apply(added, []);
        quantized.Apply(added, []);
        exact.Apply([], [5, 6, 7]);
        quantized.Apply([], [5, 6, 7]);

        for (var q = 0; q < 20; q++)
        {
            var query = RandomVectors.Next(random, 384);
            Assert.Equal(exact.Search(query, 10), quantized.Search(query, 10));
        }
    }

    [Fact]
    public void Search_QueryOfOtherDimensions_ThrowsWithFix()
    {
        using var index = Create();
        index.Apply([(1, new float[8])], []);

        var error = Assert.Throws<CorpusBotException>(() => index.Search(new float[4], 1));

        Assert.Contains("have 8 dimensions but the embedder produced 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_MismatchedVector_ChangesNothing()
    {
        using var index = Create();
        index.Apply([(1, new float[8])], []);

        Assert.Throws<CorpusBotException>(() => index.Apply([(2, new float[8]), (3, new float[5])], [1]));

        Assert.True(index.Contains(1));
        Assert.False(index.Contains(2));
    }

    [Fact]
    public void Search_ConcurrentWithApply_NeverFails()
    {
        var random = new Random(5);
        using var index = Create();
        index.Apply([.. Enumerable.Range(1, 1_000).Select(i => ((long)i, RandomVectors.Next(random, Dimensions)))], []);
        var query = RandomVectors.Next(random, Dimensions);

        Parallel.For(0, 200, i =>
        {
            if (i % 10 == 0)
            {
                index.Apply([(10_000 + i, query)], [i + 1]);
            }
            else
            {
                Assert.Equal(5, index.Search(query, 5).Count);
            }
        });

        Assert.Equal(1_000, index.Count);
    }

    internal static IEnumerable<long> BruteForce(IReadOnlyDictionary<long, float[]> vectors, float[] query, int k) => vectors
        .Select(v => (Id: v.Key, Score: TensorPrimitives.CosineSimilarity(v.Value, query)))
        .OrderByDescending(v => v.Score)
        .ThenBy(v => v.Id)
        .Take(k)
        .Select(v => v.Id);
}

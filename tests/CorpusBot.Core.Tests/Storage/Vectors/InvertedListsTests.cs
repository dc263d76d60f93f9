using CorpusBot.Core.Storage.Vectors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Tests.Storage.Vectors;

/// <summary>The k-means lists (IVF) the vector index probes from VectorIndex:ClusterAbove vectors on.</summary>
public sealed class InvertedListsTests
{
    private const int Dimensions = 64; // a multiple of 32, so the int8 kernel takes its AVX-VNNI path where there is one

    private static VectorIndex Create(int clusterAbove, double probeFactor = 96, double retrainGrowth = 2) =>
        new(Options.Create(new VectorIndexOptions { ClusterAbove = clusterAbove, ProbeFactor = probeFactor, RetrainGrowth = retrainGrowth }), NullLogger<VectorIndex>.Instance);

    [Fact]
    public void Search_OnClusteredVectors_FindsNearlyAllOfTheFullScansTopTen()
    {
        var random = new Random(21);
        var vectors = RandomVectors.Clustered(random, 20_000, 200, Dimensions, spread: 0.6f);
        using var index = Create(clusterAbove: 1_000, probeFactor: 28); // 28 × √20,000 = 3,960 rows, a fifth
        index.Apply([.. vectors.Select((v, i) => ((long)i + 1, v))], []);
        var queries = RandomVectors.Clustered(random, 100, 200, Dimensions, spread: 0.6f);

        var found = queries.Sum(q =>
        {
            var truth = index.SearchEveryRow(q, 10).Select(h => h.ChunkId).ToHashSet();
            return index.Search(q, 10).Count(h => truth.Contains(h.ChunkId));
        });

        // Measured 0.967. Rows filed under the wrong lists, or lists probed in the wrong order, would find about the
        // share of rows scanned, 0.2.
        Assert.Equal(141, index.ListCount); // √20,000
        Assert.True(found >= 0.95 * queries.Count * 10, $"recall@10 {found / (queries.Count * 10.0):F3} < 0.95");
    }

    [Fact]
    public void AddsRemovesAndReplacements_KeepEveryRowInExactlyOneList()
    {
        var random = new Random(5);
        var matrix = new VectorMatrix(Dimensions);
        foreach (var (vector, id) in RandomVectors.Clustered(random, 3_000, 30, Dimensions, 0.6f).Select((v, i) => (v, (long)i)))
        {
            matrix.Set(id, vector, normalized: true);
        }

        var lists = InvertedLists.Build(matrix, 40, seed: 1);
        var ids = Enumerable.Range(0, 3_000).Select(i => (long)i).ToList();
        for (var round = 0; round < 6; round++)
        {
            foreach (var id in ids.Where(_ => random.Next(5) == 0).ToList())
            {
                Assert.True(matrix.Remove(id, out var row, out var movedFrom));
                lists.Remove(row, movedFrom);
                ids.Remove(id);
            }

            for (var i = 0; i < 400; i++)
            {
                var id = random.Next(2) == 0 && ids.Count > 0 ? ids[random.Next(ids.Count)] : 10_000 + (round * 1_000) + i; // replace or add
                lists.Place(matrix, matrix.Set(id, RandomVectors.Unit(random, Dimensions), normalized: true));
                if (!ids.Contains(id))
                {
                    ids.Add(id);
                }
            }

            var filed = Enumerable.Range(0, lists.ListCount).SelectMany(l => lists.Members(l).ToArray()).Order().ToList();
            Assert.Equal(Enumerable.Range(0, matrix.Count), filed);
            var query = RandomVectors.Unit(random, Dimensions);
            Assert.Equal(MatrixSearch.Quantized(matrix, query, 10, 4, null), lists.Search(matrix, query, 10, int.MaxValue, 4, null));
        }
    }

    [Fact]
    public void BelowClusterAbove_ScansEveryRow_AndAboveIt_ProbesLists()
    {
        var random = new Random(8);
        var reference = new Dictionary<long, float[]>();
        using var index = Create(clusterAbove: 5_000);
        var first = Enumerable.Range(1, 4_999).Select(i => ((long)i, RandomVectors.Unit(random, Dimensions))).ToList();
        index.Apply(first, []);
        first.ForEach(f => reference[f.Item1] = f.Item2);
        var query = RandomVectors.Unit(random, Dimensions);

        Assert.Equal(0, index.ListCount);
        Assert.Equal(VectorIndexTests.BruteForce(reference, query, 10), index.Search(query, 10).Select(h => h.ChunkId));

        index.Apply([(5_000, RandomVectors.Unit(random, Dimensions))], []);
        Assert.Equal(71, index.ListCount); // √5,000

        index.Apply([], [1, 2]);
        Assert.Equal(0, index.ListCount);
        reference.Remove(1);
        reference.Remove(2);
        Assert.Equal(VectorIndexTests.BruteForce(reference, query, 10), index.Search(query, 10).Select(h => h.ChunkId));
    }

    [Fact]
    public void Lists_AreTrainedAgain_OnceTheIndexHasGrownByRetrainGrowth()
    {
        var random = new Random(9);
        using var index = Create(clusterAbove: 1_000, retrainGrowth: 2);
        long next = 1;
        void Add(int count) => index.Apply([.. Enumerable.Range(0, count).Select(_ => (next++, RandomVectors.Unit(random, Dimensions)))], []);

        Add(1_000);
        Assert.Equal(32, index.ListCount); // √1,000, trained on 1,000 rows
        Add(999);
        Assert.Equal(32, index.ListCount); // 1,999 rows: new rows join the nearest list
        Add(1);
        Assert.Equal(45, index.ListCount); // 2,000 rows: trained again, √2,000
    }

    [Fact]
    public void EmptiedIndex_TakesVectorsOfAnotherLength_AndClustersThem()
    {
        var random = new Random(10);
        using var index = Create(clusterAbove: 1_000);
        index.Apply([.. Enumerable.Range(1, 1_000).Select(i => ((long)i, RandomVectors.Unit(random, Dimensions)))], []);
        index.Apply([], [.. Enumerable.Range(1, 1_000).Select(i => (long)i)]);

        var shorter = Enumerable.Range(1, 1_000).Select(i => ((long)i, RandomVectors.Unit(random, 32))).ToList();
        index.Apply(shorter, []); // a re-embed with another model: the old centroids have the wrong length

        Assert.Equal(32, index.ListCount);
        Assert.Equal(500, index.Search(shorter[499].Item2, 1)[0].ChunkId);
    }

    [Fact]
    public void Search_ConcurrentWithChangesAndRetraining_NeverFails()
    {
        var random = new Random(12);
        using var index = Create(clusterAbove: 1_000, probeFactor: 9, retrainGrowth: 1.1);
        index.Apply([.. Enumerable.Range(1, 1_000).Select(i => ((long)i, RandomVectors.Unit(random, Dimensions)))], []);
        var queries = Enumerable.Range(0, 8).Select(_ => RandomVectors.Unit(random, Dimensions)).ToList();
        var added = Enumerable.Range(0, 40).Select(i => Enumerable.Range(0, 30).Select(j => (100_000L + (i * 30) + j, RandomVectors.Unit(new Random(i * 31 + j), Dimensions))).ToList()).ToList();

        Parallel.For(0, 400, i =>
        {
            if (i % 10 == 0)
            {
                index.Apply(added[i / 10], [i + 1]); // grows by 29 a time: retrained every ~10 % (RetrainGrowth 1.1)
            }
            else
            {
                Assert.Equal(5, index.Search(queries[i % queries.Count], 5).Count);
            }
        });

        Assert.Equal(1_000 + (40 * 29), index.Count);
        Assert.True(index.ListCount > 32, "trained again as the index grew");
    }

    [Fact]
    public void SameVectors_GiveTheSameLists_AndTheSameHits()
    {
        var vectors = RandomVectors.Clustered(new Random(3), 4_000, 50, Dimensions, 0.8f).Select((v, i) => ((long)i + 1, v)).ToList();
        using var one = Create(clusterAbove: 1_000, probeFactor: 5); // 316 of 4,000 rows
        using var two = Create(clusterAbove: 1_000, probeFactor: 5);
        one.Apply(vectors, []);
        two.Apply(vectors, []);
        var random = new Random(4);

        for (var q = 0; q < 30; q++)
        {
            var query = RandomVectors.Unit(random, Dimensions);
            Assert.Equal(one.Search(query, 10), two.Search(query, 10));
        }
    }

    [Fact]
    public async Task LoadAsync_AboveClusterAbove_BuildsListsThatFindEachStoredVector()
    {
        await using var database = await VectorTestDatabase.CreateAsync();
        var ids = await database.AddDocumentAsync("doc", 3_000);
        var vectors = RandomVectors.Clustered(new Random(6), ids.Length, 40, Dimensions, 0.6f);
        using var writer = Create(clusterAbove: 1_000);
        await writer.LoadAsync(database.Connections, "model", CancellationToken.None);
        await writer.CommitAsync(
            database.Connections,
            async (connection, transaction) =>
            {
                var rows = ids.Select((id, i) => (id, (ReadOnlyMemory<float>)vectors[i])).ToList();
                await EmbeddingRows.InsertAsync(connection, transaction, "model", rows, CancellationToken.None);
                return (0, new VectorChange("model", [.. ids.Select((id, i) => (id, vectors[i]))], []));
            },
            CancellationToken.None);
        using var loaded = Create(clusterAbove: 1_000, probeFactor: 4); // 220 of 3,000 rows

        await loaded.LoadAsync(database.Connections, "model", CancellationToken.None);

        Assert.Equal(55, loaded.ListCount); // √3,000
        Assert.Equal(55, writer.ListCount); // trained when the commit crossed ClusterAbove
        for (var i = 0; i < ids.Length; i += 97)
        {
            Assert.Equal(ids[i], loaded.Search(vectors[i], 1)[0].ChunkId);
        }
    }

    [Theory]
    [InlineData("VectorIndex:ProbeFactor", "0")]
    [InlineData("VectorIndex:ClusterAbove", "0")]
    [InlineData("VectorIndex:Lists", "-1")]
    [InlineData("VectorIndex:RetrainGrowth", "1")]
    public void Options_OutOfRange_FailValidationNamingTheKey(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddCorpusVectorStore().BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<VectorIndexOptions>>().Value);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}

using CorpusBot.Core.Storage.Vectors;
using Microsoft.Extensions.Logging.Abstractions;

namespace CorpusBot.Core.Tests.Storage.Vectors;

public sealed class ReindexerTests : IAsyncLifetime, IDisposable
{
    private VectorTestDatabase database = null!;
    private VectorIndex index = null!;
    private long[] chunks = [];

    public async Task InitializeAsync()
    {
        database = await VectorTestDatabase.CreateAsync();
        index = VectorIndexTests.Create();
        chunks = [.. await database.AddDocumentAsync("doc-1", 150), .. await database.AddDocumentAsync("doc-2", 50)];
        var old = new Random(1);
        await database.Connections.WriteAsync(
            async (connection, transaction) =>
            {
                var rows = chunks.Select(c => (c, (ReadOnlyMemory<float>)RandomVectors.Next(old, 8))).ToList();
                await EmbeddingRows.InsertAsync(connection, transaction, "old-model", rows, CancellationToken.None);
                return 0;
            },
            CancellationToken.None);
        await index.LoadAsync(database.Connections, "old-model", CancellationToken.None);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    public void Dispose() => index.Dispose();

    [Fact]
    public async Task Run_GeneratorFailsMidway_KeepsOldVectorsThenResumes()
    {
        var reindexer = new Reindexer(database.Connections, index, NullLogger<Reindexer>.Instance) { BatchSize = 64 };
        var failing = new HashEmbeddingGenerator("new-model", 16) { FailOnCall = 3 }; // probe, batch 1, then fails

        await Assert.ThrowsAsync<HttpRequestException>(() => reindexer.RunAsync(failing, null, null, CancellationToken.None));

        Assert.Equal(200, await CountAsync("old-model"));
        Assert.Equal(64, await CountAsync("new-model"));
        Assert.Equal("old-model", index.ModelId);
        Assert.Equal(200, index.Count);
        Assert.True(await reindexer.IsNeededAsync("new-model", CancellationToken.None));

        var working = new HashEmbeddingGenerator("new-model", 16);
        var progress = new List<(int Done, int Total)>();
        var result = await reindexer.RunAsync(working, null, new SyncProgress(progress), CancellationToken.None);

        Assert.Equal(new ReindexResult("new-model", 16, 200, 136, 200), result);
        Assert.Equal(137, working.TextsEmbedded); // one probe text, then only the chunks still missing
        Assert.Equal([(64, 200), (128, 200), (192, 200), (200, 200)], progress);
        Assert.Equal(0, await CountAsync("old-model"));
        Assert.Equal(200, await CountAsync("new-model"));
        Assert.Equal(("new-model", 16, 200), (index.ModelId, index.Dimensions, index.Count));
        Assert.False(await reindexer.IsNeededAsync("new-model", CancellationToken.None));
    }

    [Fact]
    public async Task Run_Complete_StoresTheGeneratorsVectorsAndIsIdempotent()
    {
        var reindexer = new Reindexer(database.Connections, index, NullLogger<Reindexer>.Instance);
        var generator = new HashEmbeddingGenerator("new-model", 16);
        await reindexer.RunAsync(generator, null, null, CancellationToken.None);

        var again = await reindexer.RunAsync(generator, "new-model", null, CancellationToken.None);
        var query = HashEmbeddingGenerator.Embed($"chunk {chunks[7]} of doc-1", 16);

        Assert.Equal(0, again.Embedded);
        Assert.Equal(0, again.Removed);
        Assert.Equal(chunks[7], index.Search(query, 1)[0].ChunkId);
        Assert.Equal(1f, index.Search(query, 1)[0].Score, 1e-5f);
    }

    [Fact]
    public async Task Run_SameModelNewDimensions_ReplacesVectors()
    {
        var reindexer = new Reindexer(database.Connections, index, NullLogger<Reindexer>.Instance);

        var result = await reindexer.RunAsync(new HashEmbeddingGenerator("old-model", 12), null, null, CancellationToken.None);

        Assert.Equal(200, result.Embedded);
        Assert.Equal(200, await database.ScalarAsync("SELECT count(*) FROM embeddings WHERE dimensions = 12"));
        Assert.Equal(12, index.Dimensions);
    }

    private Task<long> CountAsync(string modelId) =>
        database.ScalarAsync("SELECT count(*) FROM embeddings WHERE model_id = $m", ("$m", modelId));

    private sealed class SyncProgress(List<(int Done, int Total)> reports) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => reports.Add(value);
    }
}

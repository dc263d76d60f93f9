using CorpusBot.Core.Storage.Vectors;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.VectorData;

namespace CorpusBot.Core.Tests.Storage.Vectors;

public sealed class SqliteVectorCollectionTests : IAsyncLifetime, IDisposable
{
    private const int Dimensions = 16;
    private readonly Random random = new(42);
    private VectorTestDatabase database = null!;
    private VectorIndex index = null!;
    private SqliteVectorCollection collection = null!;

    public async Task InitializeAsync()
    {
        database = await VectorTestDatabase.CreateAsync();
        index = VectorIndexTests.Create();
        await index.LoadAsync(database.Connections, "model-a", CancellationToken.None);
        collection = new SqliteVectorCollection(database.Connections, index, NullLogger<SqliteVectorCollection>.Instance);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    public void Dispose()
    {
        collection.Dispose();
        index.Dispose();
    }

    [Fact]
    public async Task Upsert_ThenGet_ReturnsStoredRecordAndIndexHasIt()
    {
        var chunk = (await database.AddDocumentAsync("doc-1", 1))[0];

        await collection.UpsertAsync(Record(chunk, [3f, 4f, .. new float[Dimensions - 2]]));
        var record = await collection.GetAsync(chunk, new RecordRetrievalOptions { IncludeVectors = true });

        Assert.NotNull(record);
        Assert.Equal("doc-1", record.DocumentId);
        Assert.Equal("model-a", record.ModelId);
        Assert.Equal(0.6f, record.Vector.Span[0], 1e-6f);
        Assert.True(index.Contains(chunk));
        Assert.Equal("model-a", collection.Name);
    }

    [Fact]
    public async Task UpsertDeleteReload_IndexAndFileStayInSync()
    {
        var chunks = await database.AddDocumentAsync("doc-1", 40);
        await collection.UpsertAsync(chunks.Select(c => Record(c, RandomVectors.Next(random, Dimensions))));
        await collection.UpsertAsync(chunks.Take(5).Select(c => Record(c, RandomVectors.Next(random, Dimensions))));
        await collection.DeleteAsync(chunks.Skip(30));
        var query = RandomVectors.Next(random, Dimensions);
        var before = await collection.SearchAsync(query, 10).Select(r => (r.Record.ChunkId, r.Score)).ToListAsync();

        using var reloaded = VectorIndexTests.Create();
        await reloaded.LoadAsync(database.Connections, "model-a", CancellationToken.None);

        Assert.Equal(30, index.Count);
        Assert.Equal(30, await database.ScalarAsync("SELECT count(*) FROM embeddings"));
        Assert.Equal(30, reloaded.Count);
        Assert.Equal(before.Select(b => b.ChunkId), reloaded.Search(query, 10).Select(h => h.ChunkId));
        Assert.Null(await collection.GetAsync(chunks[35]));
    }

    [Fact]
    public async Task Search_TwoModels_NeverMixed()
    {
        var chunks = await database.AddDocumentAsync("doc-1", 10);
        var query = RandomVectors.Next(random, Dimensions);
        await collection.UpsertAsync(chunks.Take(5).Select(c => Record(c, RandomVectors.Next(random, Dimensions))));
        await database.Connections.WriteAsync(
            async (connection, transaction) =>
            {
                // Model B has the perfect match for the query, and vectors for chunks model A also has.
                var rows = chunks.Select(c => (c, (ReadOnlyMemory<float>)query)).ToList();
                await EmbeddingRows.InsertAsync(connection, transaction, "model-b", rows, CancellationToken.None);
                return 0;
            },
            CancellationToken.None);

        await index.LoadAsync(database.Connections, "model-a", CancellationToken.None);
        var hits = await collection.SearchAsync(query, 10).ToListAsync();

        Assert.Equal(5, index.Count);
        Assert.Equal(chunks.Take(5).Order(), hits.Select(h => h.Record.ChunkId).Order());
        Assert.All(hits, h => Assert.True(h.Score < 0.99));
        Assert.All(hits, h => Assert.Equal("model-a", h.Record.ModelId));
        Assert.Equal(15, await database.ScalarAsync("SELECT count(*) FROM embeddings"));
    }

    [Fact]
    public async Task SearchAndGet_WithDocumentFilter_ReturnOnlyThatDocument()
    {
        var first = await database.AddDocumentAsync("doc-1", 10);
        var second = await database.AddDocumentAsync("doc-2", 10);
        await collection.UpsertAsync(first.Concat(second).Select(c => Record(c, RandomVectors.Next(random, Dimensions))));
        var wanted = "doc-2";

        var hits = await collection.SearchAsync(RandomVectors.Next(random, Dimensions), 5, new() { Filter = r => r.DocumentId == wanted }).ToListAsync();
        var records = await collection.GetAsync(r => r.DocumentId == wanted && r.ChunkId > second[2], 100).ToListAsync();
        var listed = await collection.GetAsync(r => new[] { "doc-1" }.Contains(r.DocumentId), 3, new() { Skip = 1 }).ToListAsync();

        Assert.Equal(5, hits.Count);
        Assert.All(hits, h => Assert.Equal("doc-2", h.Record.DocumentId));
        Assert.Equal(second.Skip(3), records.Select(r => r.ChunkId));
        Assert.Equal(first.Skip(1).Take(3), listed.Select(r => r.ChunkId));
    }

    [Fact]
    public async Task GetAsync_UnsupportedFilter_ThrowsNotSupportedWithHelp()
    {
        var error = await Assert.ThrowsAsync<NotSupportedException>(
            () => collection.GetAsync(r => r.DocumentId.StartsWith('x'), 5).ToListAsync().AsTask());

        Assert.Contains("Supported:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_OtherDimensions_ThrowsAndWritesNothing()
    {
        var chunks = await database.AddDocumentAsync("doc-1", 2);
        await collection.UpsertAsync(Record(chunks[0], RandomVectors.Next(random, Dimensions)));

        var error = await Assert.ThrowsAsync<CorpusBotException>(() => collection.UpsertAsync(Record(chunks[1], new float[8])));

        Assert.Contains("have 16 dimensions but the embedder produced 8", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM embeddings"));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public async Task Upsert_UnknownChunk_ThrowsCorpusBotException()
    {
        await Assert.ThrowsAsync<CorpusBotException>(() => collection.UpsertAsync(Record(999, RandomVectors.Next(random, Dimensions))));
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public async Task EnsureCollectionDeleted_RemovesOnlyThisModel()
    {
        var chunks = await database.AddDocumentAsync("doc-1", 3);
        await collection.UpsertAsync(chunks.Select(c => Record(c, RandomVectors.Next(random, Dimensions))));
        await database.Connections.WriteAsync(
            async (connection, transaction) =>
            {
                await EmbeddingRows.InsertAsync(connection, transaction, "model-b", [(chunks[0], RandomVectors.Next(random, 4))], CancellationToken.None);
                return 0;
            },
            CancellationToken.None);

        Assert.True(await collection.CollectionExistsAsync());
        await collection.EnsureCollectionExistsAsync();
        await collection.EnsureCollectionDeletedAsync();

        Assert.Equal(0, index.Count);
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM embeddings WHERE model_id = 'model-b'"));
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM embeddings WHERE model_id = 'model-a'"));
    }

    [Fact]
    public void GetService_Metadata_NamesTheModel()
    {
        var metadata = collection.GetService(typeof(VectorStoreCollectionMetadata)) as VectorStoreCollectionMetadata;

        Assert.Equal("model-a", metadata?.CollectionName);
        Assert.Same(index, collection.GetService(typeof(VectorIndex)));
    }

    private static ChunkVectorRecord Record(long chunkId, float[] vector) => new() { ChunkId = chunkId, Vector = vector };
}

using CorpusBot.Core.Storage.Migrations;
using CorpusBot.Core.Storage.Vectors;

namespace CorpusBot.Core.Tests.Storage.Vectors;

public sealed class EmbeddingRowsTests : IAsyncLifetime
{
    private VectorTestDatabase database = null!;

    public async Task InitializeAsync() => database = await VectorTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Insert_InCallersTransaction_RolledBackWithIt()
    {
        var chunks = await database.AddDocumentAsync("doc-1", 3);

        await Assert.ThrowsAsync<InvalidOperationException>(() => database.Connections.WriteAsync<int>(
            async (connection, transaction) =>
            {
                await EmbeddingRows.InsertAsync(connection, transaction, "m", [.. chunks.Select(c => (c, (ReadOnlyMemory<float>)new float[] { 1, 2 }))], CancellationToken.None);
                throw new InvalidOperationException("ingestion failed after the vectors");
            },
            CancellationToken.None));

        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM embeddings"));
    }

    [Fact]
    public async Task Insert_SameChunkTwoModels_BothKept_AndChunkDeleteCascades()
    {
        var chunk = (await database.AddDocumentAsync("doc-1", 1))[0];
        await database.Connections.WriteAsync(
            async (connection, transaction) =>
            {
                await EmbeddingRows.InsertAsync(connection, transaction, "a", [(chunk, new float[] { 1, 0 })], CancellationToken.None);
                await EmbeddingRows.InsertAsync(connection, transaction, "b", [(chunk, new float[] { 0, 1, 0 })], CancellationToken.None);
                await EmbeddingRows.InsertAsync(connection, transaction, "a", [(chunk, new float[] { 0, 2 })], CancellationToken.None);
                return 0;
            },
            CancellationToken.None);

        Assert.Equal(2, await database.ScalarAsync("SELECT count(*) FROM embeddings"));
        await database.ScalarAsync("DELETE FROM documents; SELECT 0;");
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM embeddings"));
    }

    [Fact]
    public async Task Migration3_KeepsExistingVectors()
    {
        await using var old = await VectorTestDatabase.CreateAsync(Schema.Migrations.Take(2).ToList());
        var chunk = (await old.AddDocumentAsync("doc-1", 1))[0];
        // Versions before schema 10 wrote float32.
        var float32 = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(float32, 1f);
        await old.ScalarAsync("INSERT INTO embeddings VALUES ($c, 'm', 2, $v); SELECT 0;", ("$c", chunk), ("$v", float32));

        await old.MigrateAsync(Schema.Migrations);

        Assert.Equal(1, await old.ScalarAsync("SELECT count(*) FROM embeddings WHERE chunk_id = $c AND model_id = 'm'", ("$c", chunk)));
        await using var connection = await old.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(SchemaMigrator.LatestVersion, await SchemaMigrator.GetVersionAsync(connection, CancellationToken.None));
    }

    [Fact]
    public async Task Insert_EmptyBatch_DoesNothing()
    {
        await database.Connections.WriteAsync(
            async (connection, transaction) =>
            {
                await EmbeddingRows.InsertAsync(connection, transaction, "m", [], CancellationToken.None);
                return 0;
            },
            CancellationToken.None);

        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM embeddings"));
    }
}

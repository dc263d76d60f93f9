using System.Buffers.Binary;
using CorpusBot.Core.Storage.Migrations;
using CorpusBot.Core.Storage.Vectors;
using CorpusBot.Core.Tests.Fakes;
using CorpusBot.Core.Tests.Storage.Vectors;

namespace CorpusBot.Core.Tests.Storage;

/// <summary>Schema 13: vectors are written as int8 codes with a scale; the float16 rows of schema 10–12 still load and search.</summary>
public sealed class Int8VectorStorageTests
{
    private static readonly ReadOnlyMemory<float> Upward = new float[] { 0f, 3f };

    [Fact]
    public async Task Migration13_Float16VectorsOfAnEarlierVersion_LoadAndSearchAsBefore()
    {
        await using var old = await VectorTestDatabase.CreateAsync(Schema.Migrations.Where(m => m.Version < 13).ToList());
        var chunks = await old.AddDocumentAsync("doc-1", 2);
        await old.ScalarAsync("INSERT INTO embeddings VALUES ($c, 'm', 2, $v); SELECT 0;", ("$c", chunks[0]), ("$v", Float16(0.6f, 0.8f)));
        await old.ScalarAsync("INSERT INTO embeddings VALUES ($c, 'm', 2, $v); SELECT 0;", ("$c", chunks[1]), ("$v", Float16(1f, 0f)));

        await old.MigrateAsync(Schema.Migrations);

        Assert.Equal(2, await old.ScalarAsync("SELECT count(*) FROM embeddings WHERE scale IS NULL AND length(vector) = 4"));
        using var index = VectorIndexTests.Create();
        await index.LoadAsync(old.Connections, "m", CancellationToken.None);
        var hits = index.Search([0f, 1f], 2);
        Assert.Equal([chunks[0], chunks[1]], hits.Select(h => h.ChunkId));
        Assert.Equal(0.8f, hits[0].Score, 3);

        // A new vector for the same model is written as int8 beside them, and the index reads both kinds.
        await old.Connections.WriteAsync(
            async (connection, transaction) =>
            {
                await EmbeddingRows.InsertAsync(connection, transaction, "m", [(chunks[1], Upward)], CancellationToken.None);
                return 0;
            },
            CancellationToken.None);
        Assert.Equal(1, await old.ScalarAsync("SELECT count(*) FROM embeddings WHERE scale IS NOT NULL AND length(vector) = dimensions"));
        await index.LoadAsync(old.Connections, "m", CancellationToken.None);
        Assert.Equal(chunks[1], index.Search([0f, 1f], 1)[0].ChunkId);
    }

    [Fact]
    public async Task Migration13_RejectsAVectorWhoseLengthDisagreesWithItsScale()
    {
        await using var database = await VectorTestDatabase.CreateAsync();
        var chunk = (await database.AddDocumentAsync("doc-1", 1))[0];

        // Two int8 codes claimed as float16 (no scale), and float16 bytes claimed as int8.
        await Assert.ThrowsAnyAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            database.ScalarAsync("INSERT INTO embeddings VALUES ($c, 'm', 2, x'7f00', NULL); SELECT 0;", ("$c", chunk)));
        await Assert.ThrowsAnyAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            database.ScalarAsync("INSERT INTO embeddings VALUES ($c, 'm', 2, x'00000000', 0.01); SELECT 0;", ("$c", chunk)));
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM embeddings"));
    }

    [Fact]
    public async Task Commit_IndexHoldsTheVectorAsStored_SameScoreAfterAReload()
    {
        await using var database = await VectorTestDatabase.CreateAsync();
        var chunk = (await database.AddDocumentAsync("doc-1", 1))[0];
        using var index = VectorIndexTests.Create();
        float[] vector = [0.31f, 0.52f, 0.7f, 0.113f, 0.05f]; // not on the int8 grid
        await index.CommitAsync(
            database.Connections,
            async (connection, transaction) =>
            {
                await EmbeddingRows.InsertAsync(connection, transaction, "m", [(chunk, vector)], CancellationToken.None);
                return (0, new VectorChange("m", [(chunk, vector)], []));
            },
            CancellationToken.None);
        float[] query = [0.2f, 0.9f, -0.1f, 0.3f, 0.2f];
        var beforeRestart = index.Search(query, 1)[0];

        await index.LoadAsync(database.Connections, "m", CancellationToken.None);

        Assert.Equal(chunk, beforeRestart.ChunkId);
        Assert.Equal(index.Search(query, 1)[0].Score, beforeRestart.Score);
    }

    [Fact]
    public async Task Ingest_StoresOneInt8CodeADimensionWithItsScale()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("a", "Doctors in Gomel treated wounded soldiers in March. A convoy crossed the Mazyr bridge at night.");

        Assert.True(await corpus.ScalarAsync("SELECT count(*) FROM embeddings") > 0);
        Assert.Equal(0, await corpus.ScalarAsync("SELECT count(*) FROM embeddings WHERE length(vector) <> dimensions OR scale IS NULL OR scale <= 0"));
    }

    private static byte[] Float16(params float[] values)
    {
        var blob = new byte[values.Length * 2];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteHalfLittleEndian(blob.AsSpan(i * 2), (Half)values[i]);
        }

        return blob;
    }
}

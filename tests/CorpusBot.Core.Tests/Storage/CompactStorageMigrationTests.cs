using CorpusBot.Core.Retrieval;
using CorpusBot.Core.Storage.Migrations;
using CorpusBot.Core.Storage.Vectors;
using CorpusBot.Core.Tests.Fakes;
using CorpusBot.Core.Tests.Storage.Vectors;

namespace CorpusBot.Core.Tests.Storage;

/// <summary>Schema 10 carries a corpus written by earlier versions forward: text once, contentless FTS, float16 vectors (int8 from schema 13: <see cref="Int8VectorStorageTests"/>).</summary>
public sealed class CompactStorageMigrationTests
{
    [Fact]
    public async Task Migration10_CorpusOfAnEarlierVersion_StaysSearchableWithoutTheSecondCopyOfTheText()
    {
        await using var old = await VectorTestDatabase.CreateAsync(Schema.Migrations.Where(m => m.Version < 10).ToList());
        var chunks = await old.AddDocumentAsync("doc-1", 3);
        var float32 = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(float32.AsSpan(4), 1f);
        await old.ScalarAsync("INSERT INTO embeddings VALUES ($c, 'm', 2, $v); SELECT 0;", ("$c", chunks[1]), ("$v", float32));
        Assert.Equal(1, await old.ScalarAsync($"SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH '\"{chunks[1]}\"'"));

        await old.MigrateAsync(Schema.Migrations);

        Assert.Equal(0, await old.ScalarAsync("SELECT count(*) FROM pragma_table_info('chunks') WHERE name = 'text'"));
        Assert.Equal(1, await old.ScalarAsync($"SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH '\"{chunks[1]}\"'"));
        Assert.Equal(3, await old.ScalarAsync("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'chunk'"));
        Assert.Equal(1, await old.ScalarAsync("SELECT count(*) FROM embeddings WHERE model_id = 'm' AND length(vector) = 8"));

        await old.ScalarAsync("DELETE FROM chunks WHERE id = $c; SELECT 0;", ("$c", chunks[1]));
        Assert.Equal(0, await old.ScalarAsync($"SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH '\"{chunks[1]}\"'"));
        Assert.Equal(0, await old.ScalarAsync("SELECT count(*) FROM embeddings"));
    }

    [Fact]
    public async Task Ingest_PassagesSliceTheDocument()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("a", "Doctors in Gomel treated wounded soldiers in March. A convoy crossed the Mazyr bridge at night.");

        var passage = (await corpus.Get<IRetriever>().RetrieveAsync("Mazyr bridge", 1, CancellationToken.None))[0];
        Assert.Contains("Mazyr bridge", passage.Text, StringComparison.Ordinal);
        Assert.Equal(1, corpus.Get<VectorIndex>().Count);
    }
}

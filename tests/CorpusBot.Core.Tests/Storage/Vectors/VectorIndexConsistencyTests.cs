using CorpusBot.Core.Retrieval;
using CorpusBot.Core.Storage.Vectors;
using CorpusBot.Core.Tests.Fakes;

namespace CorpusBot.Core.Tests.Storage.Vectors;

/// <summary>Issue 9 item 6: the in-memory index never disagrees with what was committed, whoever committed it.</summary>
public sealed class VectorIndexConsistencyTests
{
    [Fact]
    public async Task Search_AfterAnotherProcessIngested_FindsItsPassagesByVector()
    {
        await using var bot = await TestCorpus.CreateAsync();
        await bot.AddAsync("first", "Doctors in Gomel treated wounded soldiers in March.");
        // A second process on the same file, as `corpusbot ingest` beside a running bot.
        await using var cli = await TestCorpus.CreateAsync(new Dictionary<string, string?> { ["Storage:DatabasePath"] = bot.DatabasePath });
        await cli.AddAsync("second", "A convoy of ambulances crossed the Mazyr bridge at night.");
        Assert.Equal(1, bot.Get<VectorIndex>().Count); // the bot's index has not seen it yet

        var passages = await bot.Get<IRetriever>().RetrieveAsync("ambulances crossed the Mazyr bridge", 3, CancellationToken.None);

        var hit = Assert.Single(passages, p => p.DocumentId == "second");
        Assert.True(hit.VectorScore > 0, "found by the vector search, not only by full text");
        Assert.Equal(2, bot.Get<VectorIndex>().Count);
    }

    [Fact]
    public async Task Search_AfterAnotherProcessRemoved_NoLongerReturnsItsVectors()
    {
        await using var bot = await TestCorpus.CreateAsync();
        await bot.AddAsync("gone", "A convoy of ambulances crossed the Mazyr bridge at night.");
        await bot.AddAsync("kept", "Doctors in Gomel treated wounded soldiers in March.");
        await using var cli = await TestCorpus.CreateAsync(new Dictionary<string, string?> { ["Storage:DatabasePath"] = bot.DatabasePath });
        Assert.True(await cli.Get<CorpusBot.Core.Ingestion.CorpusRemover>().RemoveAsync("gone", "tester", CancellationToken.None));

        var passages = await bot.Get<IRetriever>().RetrieveAsync("ambulances crossed the Mazyr bridge", 3, CancellationToken.None);

        Assert.DoesNotContain(passages, p => p.DocumentId == "gone");
        Assert.Equal(1, bot.Get<VectorIndex>().Count);
    }

    [Fact]
    public async Task OwnWrites_AreAppliedWithoutReloading()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        var index = corpus.Get<VectorIndex>();
        await corpus.AddAsync("a", "Doctors in Gomel treated wounded soldiers in March.");
        var version = index.Version;

        await index.RefreshAsync(corpus.Get<CorpusBot.Core.Storage.SqliteConnectionFactory>(), CancellationToken.None);

        Assert.Equal(version, index.Version); // the index knew it was current: no reload
        Assert.Equal(1, index.Count);
    }
}

using CorpusBot.Core.Answering;
using CorpusBot.Core.Ingestion;
using CorpusBot.Core.Tests.Fakes;

namespace CorpusBot.Core.Tests.Storage;

public class ConcurrencyTests
{
    [Fact]
    public async Task ReadersAndWriters_AtOnce_NoLockErrorsAndEveryWriteLands()
    {
        await using var corpus = await TestCorpus.WithSeedsAsync();
        var answers = corpus.Get<AnswerService>();
        var writes = Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            corpus.AddAsync($"burst-{i}", $"Report {i}: doctors in Gomel treated {i + 10} wounded soldiers. Nobody else spoke.")));
        var reads = Enumerable.Range(0, 40).Select(_ => Task.Run(() =>
            answers.AskAsync("How many wounded soldiers were treated in Gomel and Khoiniki?", CancellationToken.None)));

        var outcomes = await Task.WhenAll(writes);
        var results = await Task.WhenAll(reads);

        Assert.All(outcomes, o => Assert.Equal(IngestStatus.Added, o.Status));
        Assert.All(results, a => Assert.NotNull(a.Text));
        Assert.Equal(25, await corpus.ScalarAsync("SELECT count(*) FROM documents"));
        Assert.Equal("ok", await IntegrityAsync(corpus));
    }

    private static async Task<string?> IntegrityAsync(TestCorpus corpus)
    {
        await using var connection = await corpus.Get<CorpusBot.Core.Storage.SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string?)await command.ExecuteScalarAsync();
    }
}

using CorpusBot.Core.Documents;
using CorpusBot.Core.Ingestion;
using CorpusBot.Core.Embeddings;
using CorpusBot.Core.Ingestion.Readers;
using CorpusBot.Core.Storage.Vectors;
using CorpusBot.Core.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CorpusBot.Core.Tests.Ingestion;

public class CorpusLoaderTests
{
    [Fact]
    public async Task IngestPathsAsync_EmbedderOutageMidBatch_StoresNothingHalfAndNamesDocumentsToRetry()
    {
        var embedder = new FailingEmbeddingGenerator();
        await using var corpus = await TestCorpus.CreateAsync(configure: s => s.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(embedder));
        var folder = await WriteFilesAsync(corpus, "a", "b", "c");

        embedder.FailAfterCalls = embedder.Calls + 1; // the first document embeds, the second meets the outage
        var report = await corpus.Get<CorpusLoader>().IngestPathsAsync([folder], "tester", null, CancellationToken.None);

        Assert.Equal([IngestStatus.Added, IngestStatus.Rejected, IngestStatus.Rejected], report.Outcomes.Select(o => o.Status));
        Assert.Contains("embedding model failed", report.Outcomes[1].Reason, StringComparison.Ordinal);
        Assert.Contains("retry", report.Outcomes[2].Reason, StringComparison.Ordinal);
        Assert.Equal(["b", "c"], report.Outcomes.Skip(1).Select(o => o.DocumentId));
        Assert.Equal(1, await corpus.ScalarAsync("SELECT count(*) FROM documents"));
        Assert.Equal(0, await corpus.ScalarAsync("SELECT count(*) FROM chunks WHERE document_id <> 'a'"));
    }

    [Fact]
    public async Task IngestPathsAsync_SameFilesAgain_UnchangedWithoutEmbeddingAndAChangedFileUpdated()
    {
        var embedder = new FailingEmbeddingGenerator();
        await using var corpus = await TestCorpus.CreateAsync(configure: s => s.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(embedder));
        var folder = await WriteFilesAsync(corpus, "a", "b", "c");

        var loader = corpus.Get<CorpusLoader>();
        await loader.IngestPathsAsync([folder], "tester", null, CancellationToken.None);
        var calls = embedder.Calls;

        // One run checks every document against what is stored, over one connection: nothing is embedded again.
        var again = await loader.IngestPathsAsync([folder], "tester", null, CancellationToken.None);
        Assert.All(again.Outcomes, o => Assert.Equal(IngestStatus.Unchanged, o.Status));
        Assert.Equal(calls, embedder.Calls);

        await File.WriteAllTextAsync(Path.Combine(folder, "b.txt"), "Document b now says they were taken to Mazyr.");
        var third = await loader.IngestPathsAsync([folder], "tester", null, CancellationToken.None);
        Assert.Equal([IngestStatus.Unchanged, IngestStatus.Updated, IngestStatus.Unchanged], third.Outcomes.Select(o => o.Status));
        Assert.Equal(calls + 1, embedder.Calls);
        Assert.Equal(1, await corpus.ScalarAsync("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'mazyr'"));
    }

    [Fact]
    public async Task IngestItemsAsync_SeveralBatches_EveryDocumentStoredOnceWithVectorsAndFullText()
    {
        // The clock stands still, so only the batch size closes a batch.
        await using var corpus = await TestCorpus.CreateAsync(configure: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider()));
        var index = corpus.Get<VectorIndex>();
        var versionBefore = index.Version;
        var count = CorpusLoader.BatchSize * 2 + 3;

        var report = await corpus.Get<CorpusLoader>().IngestItemsAsync(Items(count), "tester", null, CancellationToken.None);

        Assert.Equal(count, report.Outcomes.Count(o => o.Status == IngestStatus.Added));
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"doc{i}"), report.Outcomes.Select(o => o.DocumentId));
        Assert.Equal(3, index.Version - versionBefore); // one commit per batch
        Assert.Equal(count, await corpus.ScalarAsync("SELECT count(*) FROM documents"));
        Assert.Equal(count, await corpus.ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'add'"));
        var chunks = await corpus.ScalarAsync("SELECT count(*) FROM chunks");
        Assert.Equal(chunks, await corpus.ScalarAsync("SELECT count(*) FROM embeddings"));
        Assert.Equal(chunks, await corpus.ScalarAsync("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'soldiers'"));
        Assert.Equal(1, await corpus.ScalarAsync($"SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'place{count - 1}'"));
        Assert.Equal(chunks, index.Count);
    }

    [Fact]
    public async Task IngestItemsAsync_SlowEmbedder_BatchCommittedOnceItsFirstDocumentWaitedBatchAge()
    {
        var clock = new FakeTimeProvider();
        var step = CorpusLoader.BatchAge * 0.6; // each document takes this long to embed
        await using var corpus = await TestCorpus.CreateAsync(configure: s => s
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new SlowEmbeddingGenerator(clock, step)));
        var index = corpus.Get<VectorIndex>();
        var versionBefore = index.Version;

        var report = await corpus.Get<CorpusLoader>().IngestItemsAsync(Items(5), "tester", null, CancellationToken.None);

        // Documents 1-3 (the third is prepared 1.2 × BatchAge after the first), then 4-5 at the end.
        Assert.All(report.Outcomes, o => Assert.Equal(IngestStatus.Added, o.Status));
        Assert.Equal(2, index.Version - versionBefore);
        Assert.Equal(5, await corpus.ScalarAsync("SELECT count(*) FROM documents"));
    }

    /// <summary>A folder of one small text file per name.</summary>
    private static async Task<string> WriteFilesAsync(TestCorpus corpus, params string[] names)
    {
        var folder = Path.Combine(corpus.Folder, "in");
        Directory.CreateDirectory(folder);
        foreach (var name in names)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".txt"), $"Document {name} says soldiers were treated in Gomel.");
        }

        return folder;
    }

    private static async IAsyncEnumerable<ReadItem> Items(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return ReadItem.Read($"item{i}", new SourceDocument($"doc{i}", $"Document {i}", $"Soldiers were treated in place{i}. The hospital was full."));
        }
    }

    /// <summary>The lexical embedder, moving the fake clock on by <paramref name="step"/> per call, as a model takes its time.</summary>
    private sealed class SlowEmbeddingGenerator(FakeTimeProvider clock, TimeSpan step) : IEmbeddingGenerator<string, Embedding<float>>
    {
        private readonly LexicalEmbeddingGenerator inner = new();

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            clock.Advance(step);
            return inner.GenerateAsync(values, options, cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);

        public void Dispose() => inner.Dispose();
    }
}

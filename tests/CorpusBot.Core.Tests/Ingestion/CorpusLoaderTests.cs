using CorpusBot.Core.Ingestion;
using CorpusBot.Core.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Core.Tests.Ingestion;

public class CorpusLoaderTests
{
    [Fact]
    public async Task IngestPathsAsync_EmbedderOutageMidBatch_StoresNothingHalfAndNamesDocumentsToRetry()
    {
        var embedder = new FailingEmbeddingGenerator();
        await using var corpus = await TestCorpus.CreateAsync(configure: s => s.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(embedder));
        var folder = Path.Combine(corpus.Folder, "in");
        Directory.CreateDirectory(folder);
        foreach (var name in new[] { "a", "b", "c" })
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".txt"), $"Document {name} says soldiers were treated in Gomel.");
        }

        embedder.FailAfterCalls = embedder.Calls + 1; // the first document embeds, the second meets the outage
        var report = await corpus.Get<CorpusLoader>().IngestPathsAsync([folder], "tester", null, CancellationToken.None);

        Assert.Equal([IngestStatus.Added, IngestStatus.Rejected, IngestStatus.Rejected], report.Outcomes.Select(o => o.Status));
        Assert.Contains("embedding model failed", report.Outcomes[1].Reason, StringComparison.Ordinal);
        Assert.Contains("retry", report.Outcomes[2].Reason, StringComparison.Ordinal);
        Assert.Equal(["b", "c"], report.Outcomes.Skip(1).Select(o => o.DocumentId));
        Assert.Equal(1, await corpus.ScalarAsync("SELECT count(*) FROM documents"));
        Assert.Equal(0, await corpus.ScalarAsync("SELECT count(*) FROM chunks WHERE document_id <> 'a'"));
    }
}

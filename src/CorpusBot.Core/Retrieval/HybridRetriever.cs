namespace CorpusBot.Core.Retrieval;

/// <summary>FTS5 BM25 + vector similarity, fused. (Being written.)</summary>
public sealed class HybridRetriever : IRetriever
{
    public Task<IReadOnlyList<Passage>> RetrieveAsync(string question, int topK, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Passage>>([]);
}

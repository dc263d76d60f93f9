using CorpusBot.Core.Retrieval;

namespace CorpusBot.Providers.Tests.Fakes;

/// <summary>Returns whatever passages the test set, so answer tests do not depend on retrieval.</summary>
internal sealed class FakeRetriever : IRetriever
{
    public IReadOnlyList<Passage> Passages { get; set; } = [];

    public Task<IReadOnlyList<Passage>> RetrieveAsync(string question, int topK, CancellationToken cancellationToken) =>
        Task.FromResult(Passages);
}

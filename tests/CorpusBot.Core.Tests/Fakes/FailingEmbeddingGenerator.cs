using CorpusBot.Core.Embeddings;
using Microsoft.Extensions.AI;

namespace CorpusBot.Core.Tests.Fakes;

/// <summary>The built-in embedder, until <see cref="Fail"/> is set: then every call throws, like an endpoint outage.</summary>
internal sealed class FailingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly LexicalEmbeddingGenerator inner = new();

    public bool Fail { get; set; }

    /// <summary>When set, calls after this many succeed-then-fail (counted across the generator's life).</summary>
    public int? FailAfterCalls { get; set; }

    public int Calls { get; private set; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        ++Calls > FailAfterCalls || Fail
            ? throw new HttpRequestException("embedding endpoint unavailable")
            : inner.GenerateAsync(values, options, cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);

    public void Dispose() => inner.Dispose();
}

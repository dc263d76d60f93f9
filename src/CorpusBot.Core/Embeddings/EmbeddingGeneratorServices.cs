using Microsoft.Extensions.AI;

namespace CorpusBot.Core.Embeddings;

/// <summary>The <see cref="IEmbeddingGenerator.GetService"/> answer every CorpusBot embedder gives: its metadata, or itself.</summary>
public static class EmbeddingGeneratorServices
{
    public static object? Resolve(object generator, EmbeddingGeneratorMetadata metadata, Type serviceType, object? serviceKey)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
            : serviceType.IsInstanceOfType(generator) ? generator
            : null;
    }
}

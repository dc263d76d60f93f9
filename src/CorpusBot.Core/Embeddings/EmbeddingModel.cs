using Microsoft.Extensions.AI;

namespace CorpusBot.Core.Embeddings;

/// <summary>The model id stored beside every vector, so vectors of two models are never mixed.</summary>
public static class EmbeddingModel
{
    public static string IdOf(IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        var id = metadata?.DefaultModelId
            ?? throw new CorpusBotException("The configured embedding generator does not name its model; set Embeddings:Model.");
        return metadata.DefaultModelDimensions is { } dims && !id.EndsWith($"-{dims}", StringComparison.Ordinal) ? $"{id}-{dims}" : id;
    }
}

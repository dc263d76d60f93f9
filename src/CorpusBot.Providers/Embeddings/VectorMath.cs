using CorpusBot.Core.Storage.Vectors;

namespace CorpusBot.Providers.Embeddings;

/// <summary>Stored vectors are unit length, so cosine similarity is a dot product.</summary>
internal static class VectorMath
{
    /// <summary>Normalises in place (the same rule as the vector store's) and returns the array.</summary>
    public static float[] Normalize(float[] vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        VectorBlob.Normalize(vector);
        return vector;
    }
}

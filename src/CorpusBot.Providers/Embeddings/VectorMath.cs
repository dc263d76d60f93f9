using System.Numerics.Tensors;

namespace CorpusBot.Providers.Embeddings;

/// <summary>Stored vectors are unit length, so cosine similarity is a dot product.</summary>
internal static class VectorMath
{
    public static float[] Normalize(float[] vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }
}

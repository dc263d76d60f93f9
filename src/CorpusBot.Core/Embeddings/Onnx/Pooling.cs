using System.Numerics.Tensors;
using CorpusBot.Core.Storage.Vectors;

namespace CorpusBot.Core.Embeddings.Onnx;

/// <summary>Sentence-transformers pooling of a model's token vectors, then L2 normalisation.</summary>
internal static class Pooling
{
    /// <param name="hidden">Token vectors, [batch, length, dimensions], row-major.</param>
    public static float[][] Pool(EmbeddingPooling pooling, ReadOnlySpan<float> hidden, ReadOnlySpan<long> attentionMask, int batch, int length, int dimensions)
    {
        var result = new float[batch][];
        for (var b = 0; b < batch; b++)
        {
            result[b] = pooling == EmbeddingPooling.Cls
                ? hidden.Slice(b * length * dimensions, dimensions).ToArray()
                : Mean(hidden, attentionMask, b, length, dimensions);
            VectorBlob.Normalize(result[b]);
        }

        return result;
    }

    /// <summary>Vectors a model already pooled, [batch, dimensions]: only normalised.</summary>
    public static float[][] Normalized(ReadOnlySpan<float> pooled, int batch, int dimensions)
    {
        var result = new float[batch][];
        for (var b = 0; b < batch; b++)
        {
            result[b] = pooled.Slice(b * dimensions, dimensions).ToArray();
            VectorBlob.Normalize(result[b]);
        }

        return result;
    }

    private static float[] Mean(ReadOnlySpan<float> hidden, ReadOnlySpan<long> attentionMask, int b, int length, int dimensions)
    {
        var sum = new float[dimensions];
        var count = 0;
        for (var t = 0; t < length; t++)
        {
            if (attentionMask[(b * length) + t] == 0)
            {
                continue;
            }

            TensorPrimitives.Add(sum, hidden.Slice(((b * length) + t) * dimensions, dimensions), sum);
            count++;
        }

        if (count > 0)
        {
            TensorPrimitives.Divide(sum, count, sum);
        }

        return sum;
    }
}

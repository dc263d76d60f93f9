using System.Numerics.Tensors;
using CorpusBot.Providers.Embeddings;

namespace CorpusBot.Providers.Embeddings.Onnx;

/// <summary>Sentence-transformers pooling: the mean of the token vectors the attention mask keeps, then L2 normalisation.</summary>
internal static class MeanPooling
{
    /// <param name="hidden">Token vectors, [batch, length, dimensions], row-major.</param>
    public static float[][] Pool(ReadOnlySpan<float> hidden, ReadOnlySpan<long> attentionMask, int batch, int length, int dimensions)
    {
        var result = new float[batch][];
        for (var b = 0; b < batch; b++)
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

            result[b] = VectorMath.Normalize(sum);
        }

        return result;
    }
}

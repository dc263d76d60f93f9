using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace CorpusBot.Core.Storage.Vectors;

/// <summary>
/// The on-disk form of a vector: float32, little-endian, L2-normalised, so cosine similarity is a dot product.
/// </summary>
public static class VectorBlob
{
    /// <summary>A normalised copy of <paramref name="vector"/> as a BLOB.</summary>
    public static byte[] Encode(ReadOnlySpan<float> vector)
    {
        var blob = new byte[vector.Length * sizeof(float)];
        var values = MemoryMarshal.Cast<byte, float>(blob.AsSpan());
        vector.CopyTo(values);
        Normalize(values);
        if (!BitConverter.IsLittleEndian)
        {
            var raw = MemoryMarshal.Cast<byte, int>(blob.AsSpan());
            BinaryPrimitives.ReverseEndianness(raw, raw);
        }

        return blob;
    }

    public static float[] Decode(ReadOnlySpan<byte> blob)
    {
        var vector = new float[blob.Length / sizeof(float)];
        Decode(blob, vector);
        return vector;
    }

    /// <summary>Decodes into <paramref name="destination"/>, whose length must be the BLOB's dimension count.</summary>
    public static void Decode(ReadOnlySpan<byte> blob, Span<float> destination)
    {
        if (blob.Length != destination.Length * sizeof(float))
        {
            throw new CorpusBotException(
                $"A stored vector BLOB has {blob.Length} bytes where {destination.Length} dimensions need {destination.Length * sizeof(float)}; the embeddings table is damaged: run `corpusbot reindex`.");
        }

        MemoryMarshal.Cast<byte, float>(blob).CopyTo(destination);
        if (!BitConverter.IsLittleEndian)
        {
            var raw = MemoryMarshal.Cast<float, int>(destination);
            BinaryPrimitives.ReverseEndianness(raw, raw);
        }
    }

    /// <summary>Scales to unit length in place; a zero vector stays zero.</summary>
    public static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm((ReadOnlySpan<float>)vector);
        if (norm > 0f && float.IsFinite(norm))
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }

    /// <summary>Throws the message that says what to change when two dimension counts differ.</summary>
    public static void EnsureDimensions(string modelId, int stored, int produced)
    {
        if (stored != produced)
        {
            throw DimensionMismatch(modelId, stored, produced);
        }
    }

    public static CorpusBotException DimensionMismatch(string modelId, int stored, int produced) => new(
        $"Stored vectors for model {modelId} have {stored} dimensions but the embedder produced {produced}; run `corpusbot reindex` " +
        "(it re-embeds every chunk with the configured model) or configure the embedding model the corpus was built with.");
}

using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace CorpusBot.Core.Storage.Vectors;

/// <summary>
/// The on-disk form of a vector: L2-normalised (so cosine similarity is a dot product), little-endian float16 — half
/// the bytes of float32 at a precision (about three decimal digits) far finer than what separates two passages'
/// similarities. Vectors written as float32 by earlier versions (4 bytes a dimension) are still read.
/// </summary>
public static class VectorBlob
{
    /// <summary>A normalised copy of <paramref name="vector"/> as a float16 BLOB.</summary>
    public static byte[] Encode(ReadOnlySpan<float> vector)
    {
        var normalized = vector.ToArray();
        Normalize(normalized);
        var blob = new byte[vector.Length * sizeof(ushort)];
        var halves = MemoryMarshal.Cast<byte, Half>(blob.AsSpan());
        TensorPrimitives.ConvertToHalf(normalized, halves);
        if (!BitConverter.IsLittleEndian)
        {
            var raw = MemoryMarshal.Cast<byte, ushort>(blob.AsSpan());
            BinaryPrimitives.ReverseEndianness(raw, raw);
        }

        return blob;
    }

    /// <summary>Decodes a float16 BLOB (or a float32 one of an earlier version) of <paramref name="dimensions"/> values.</summary>
    public static float[] Decode(ReadOnlySpan<byte> blob, int dimensions)
    {
        var vector = new float[dimensions];
        Decode(blob, vector);
        return vector;
    }

    /// <summary>
    /// Decodes into <paramref name="destination"/>, whose length must be the BLOB's dimension count; a BLOB of 2 bytes a
    /// dimension is float16, of 4 bytes float32 (written before schema 10).
    /// </summary>
    public static void Decode(ReadOnlySpan<byte> blob, Span<float> destination)
    {
        if (blob.Length == destination.Length * sizeof(ushort))
        {
            Span<Half> halves = blob.Length <= 4096 ? stackalloc Half[destination.Length] : new Half[destination.Length];
            MemoryMarshal.Cast<byte, Half>(blob).CopyTo(halves);
            if (!BitConverter.IsLittleEndian)
            {
                var raw = MemoryMarshal.Cast<Half, ushort>(halves);
                BinaryPrimitives.ReverseEndianness(raw, raw);
            }

            TensorPrimitives.ConvertToSingle(halves, destination);
            return;
        }

        if (blob.Length != destination.Length * sizeof(float))
        {
            throw new CorpusBotException(
                $"A stored vector BLOB has {blob.Length} bytes where {destination.Length} dimensions need {destination.Length * sizeof(ushort)}; the embeddings table is damaged: run `corpusbot reindex`.");
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

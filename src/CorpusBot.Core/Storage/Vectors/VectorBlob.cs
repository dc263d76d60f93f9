using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace CorpusBot.Core.Storage.Vectors;

/// <summary>
/// The on-disk form of a vector: L2-normalised (so cosine similarity is a dot product), as int8 codes with one scale per
/// vector (value ≈ code × scale; the scale is the embeddings row's <c>scale</c> column) — a quarter of the bytes of
/// float32. The codes are the ones the in-memory index scans with anyway (<see cref="Int8Codec"/>), and a step of
/// 1/127 of the largest component keeps a passage's cosine to the question within about 0.001 (docs/BENCHMARKS.md:
/// the dev set gives the same outcomes and quotes). Vectors written by earlier versions still read: float16 (schema
/// 10–12, 2 bytes a dimension) and float32 (before schema 10, 4 bytes), both without a scale.
/// </summary>
public static class VectorBlob
{
    /// <summary>A normalised copy of <paramref name="vector"/> as int8 codes (one byte a dimension) and their scale.</summary>
    public static EncodedVector Encode(ReadOnlySpan<float> vector)
    {
        var normalized = vector.ToArray();
        Normalize(normalized);
        var codes = new byte[vector.Length];
        var scale = Int8Codec.Quantize(normalized, MemoryMarshal.Cast<byte, sbyte>(codes.AsSpan()));
        return new EncodedVector(codes, scale);
    }

    /// <summary>Decodes a stored vector of <paramref name="dimensions"/> values (see <see cref="Decode(ReadOnlySpan{byte}, double?, Span{float})"/>).</summary>
    public static float[] Decode(ReadOnlySpan<byte> blob, double? scale, int dimensions)
    {
        var vector = new float[dimensions];
        Decode(blob, scale, vector);
        return vector;
    }

    /// <summary>
    /// Decodes into <paramref name="destination"/>, whose length must be the vector's dimension count: with a scale,
    /// one int8 code a dimension (re-normalised, since rounding moves the length a little); without, 2 bytes a dimension
    /// is float16 (schema 10–12), 4 bytes float32 (before schema 10).
    /// </summary>
    public static void Decode(ReadOnlySpan<byte> blob, double? scale, Span<float> destination)
    {
        if (scale is { } s && blob.Length == destination.Length)
        {
            var codes = MemoryMarshal.Cast<byte, sbyte>(blob);
            for (var i = 0; i < codes.Length; i++)
            {
                destination[i] = codes[i] * (float)s;
            }

            Normalize(destination);
            return;
        }

        if (scale is null && blob.Length == destination.Length * sizeof(ushort))
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

        if (scale is not null || blob.Length != destination.Length * sizeof(float))
        {
            throw new CorpusBotException(
                $"A stored vector BLOB has {blob.Length} bytes{(scale is null ? " and no scale" : " and a scale")} where {destination.Length} dimensions need " +
                $"{destination.Length} bytes and a scale; the embeddings table is damaged: run `corpusbot reindex`.");
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

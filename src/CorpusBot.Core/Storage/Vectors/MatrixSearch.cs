using System.Numerics.Tensors;

namespace CorpusBot.Core.Storage.Vectors;

/// <summary>Exhaustive top-k over a <see cref="VectorMatrix"/>: a float scan, or an int8 scan re-ranked with floats.</summary>
internal static class MatrixSearch
{
    public static ScoredChunk[] Exact(VectorMatrix matrix, ReadOnlySpan<float> query, int k, Func<long, bool>? filter)
    {
        var top = new TopK(k);
        for (var row = 0; row < matrix.Count; row++)
        {
            var score = TensorPrimitives.Dot(matrix.Row(row), query);
            if (top.Accepts(score))
            {
                var chunkId = matrix.ChunkIdAt(row);
                if (filter is null || filter(chunkId))
                {
                    top.Add(chunkId, score);
                }
            }
        }

        return top.ToSortedArray();
    }

    /// <summary>
    /// Scans int8 codes for the best <c>k × rerankFactor</c> rows, then scores those with the float rows:
    /// the returned scores are exact; only a row the int8 scan ranked below the candidates can be missed.
    /// </summary>
    public static ScoredChunk[] Quantized(VectorMatrix matrix, ReadOnlySpan<float> query, int k, int rerankFactor, Func<long, bool>? filter)
    {
        var queryCodes = new sbyte[query.Length];
        var queryScale = Int8Codec.Quantize(query, queryCodes);
        var candidates = new TopK((int)Math.Min((long)k * Math.Max(1, rerankFactor), matrix.Count));
        for (var row = 0; row < matrix.Count; row++)
        {
            var approximate = Int8Codec.Dot(matrix.Codes(row), queryCodes) * matrix.Scale(row) * queryScale;
            if (candidates.Accepts(approximate) && (filter is null || filter(matrix.ChunkIdAt(row))))
            {
                candidates.Add(row, approximate); // keyed by row here, mapped to the chunk id below
            }
        }

        var top = new TopK(k);
        foreach (var candidate in candidates.ToSortedArray())
        {
            var row = (int)candidate.ChunkId;
            top.Add(matrix.ChunkIdAt(row), TensorPrimitives.Dot(matrix.Row(row), query));
        }

        return top.ToSortedArray();
    }
}

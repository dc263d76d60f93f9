using System.Numerics.Tensors;

namespace CorpusBot.Core.Storage.Vectors;

/// <summary>Exhaustive top-k over a <see cref="VectorMatrix"/>: a float scan, or an int8 scan re-ranked with floats (<see cref="InvertedLists"/> scans part of it).</summary>
internal static class MatrixSearch
{
    public static ScoredChunk[] Exact(VectorMatrix matrix, ReadOnlySpan<float> query, int k, Func<long, bool>? filter)
    {
        var top = new TopK(k);
        var dimensions = matrix.Dimensions;
        for (var b = 0; b < matrix.BlocksInUse; b++)
        {
            var (values, _, _, first, rows) = matrix.BlockAt(b);
            var span = values.Span;
            for (var r = 0; r < rows; r++)
            {
                var score = TensorPrimitives.Dot(span.Slice(r * dimensions, dimensions), query);
                if (top.Accepts(score))
                {
                    var chunkId = matrix.ChunkIdAt(first + r);
                    if (filter is null || filter(chunkId))
                    {
                        top.Add(chunkId, score);
                    }
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
        var dots = new int[Math.Min(matrix.RowsPerBlock, matrix.Count)];
        for (var b = 0; b < matrix.BlocksInUse; b++)
        {
            var (_, codes, scales, first, rows) = matrix.BlockAt(b);
            var scaleSpan = scales.Span;
            Int8Codec.DotRows(codes.Span, queryCodes, dots.AsSpan(0, rows));
            for (var r = 0; r < rows; r++)
            {
                var approximate = dots[r] * scaleSpan[r] * queryScale;
                if (candidates.Accepts(approximate) && (filter is null || filter(matrix.ChunkIdAt(first + r))))
                {
                    candidates.Add(first + r, approximate); // keyed by row here, mapped to the chunk id below
                }
            }
        }

        return Rerank(matrix, candidates.ToSortedArray(), query, k);
    }

    /// <summary>The best <paramref name="k"/> of <paramref name="candidates"/> (keyed by row) by their exact float scores, keyed by chunk id.</summary>
    public static ScoredChunk[] Rerank(VectorMatrix matrix, ScoredChunk[] candidates, ReadOnlySpan<float> query, int k)
    {
        var top = new TopK(k);
        foreach (var candidate in candidates)
        {
            var row = (int)candidate.ChunkId;
            top.Add(matrix.ChunkIdAt(row), TensorPrimitives.Dot(matrix.Row(row), query));
        }

        return top.ToSortedArray();
    }
}

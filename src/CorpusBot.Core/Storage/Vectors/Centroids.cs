namespace CorpusBot.Core.Storage.Vectors;

/// <summary>
/// Unit centroid vectors, also held as int8 codes with one scale each so that a row is routed to its nearest centroid
/// with the same integer kernel the scan uses (<see cref="Int8Codec.DotRows"/>). Immutable.
/// </summary>
internal sealed class Centroids
{
    private readonly float[] values;
    private readonly sbyte[] codes;
    private readonly float[] scales;

    /// <param name="values">Row-major, <paramref name="dimensions"/> floats a centroid; unit length expected.</param>
    public Centroids(float[] values, int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        this.values = values;
        Dimensions = dimensions;
        Count = values.Length / dimensions;
        codes = new sbyte[values.Length];
        scales = new float[Count];
        for (var c = 0; c < Count; c++)
        {
            scales[c] = Int8Codec.Quantize(Row(c), codes.AsSpan(c * dimensions, dimensions));
        }
    }

    public int Count { get; }

    public int Dimensions { get; }

    public ReadOnlySpan<float> Row(int centroid) => values.AsSpan(centroid * Dimensions, Dimensions);

    /// <summary>
    /// The centroid nearest a row given by its int8 codes, and its (unscaled) similarity. The row's own scale multiplies
    /// every score alike, so it does not change which centroid wins. <paramref name="dots"/> is scratch of
    /// <see cref="Count"/> ints; ties go to the lower centroid, so routing is deterministic.
    /// </summary>
    public (int Centroid, float Score) Nearest(ReadOnlySpan<sbyte> rowCodes, Span<int> dots)
    {
        Int8Codec.DotRows(codes, rowCodes, dots[..Count]);
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var c = 0; c < Count; c++)
        {
            var score = dots[c] * scales[c];
            if (score > bestScore)
            {
                (best, bestScore) = (c, score);
            }
        }

        return (best, bestScore);
    }
}

using System.Numerics.Tensors;

namespace CorpusBot.Core.Storage.Vectors;

/// <summary>
/// An inverted-file index (IVF) over the rows of a <see cref="VectorMatrix"/>: k-means centroids
/// (<see cref="SphericalKMeans"/>) and, for each, the list of rows nearest it. A search scores the centroids, then scans
/// the lists nearest the query until it has seen a set number of rows, however many the matrix holds, at the price
/// of missing a neighbour that sits in a list it did not probe (recall is measured against the full scan in
/// docs/BENCHMARKS.md and in the tests). Each list holds a copy of its rows' int8 codes side by side, so a probed list is
/// scanned as contiguous memory with the scan's own kernel (<see cref="Int8Codec.DotRows"/>): one more byte a dimension
/// per row (0.37 GiB for 1M × 384). Rows are numbered as the matrix numbers them; the index follows the matrix's changes
/// through <see cref="Place"/> and <see cref="Remove"/>. Not thread-safe: <see cref="VectorIndex"/> guards it.
/// </summary>
internal sealed class InvertedLists
{
    private readonly Centroids centroids;
    private readonly Bucket[] buckets;
    private readonly int dimensions;
    private int[] listOf = [];
    private int[] slotOf = [];

    private InvertedLists(Centroids centroids, int trainedRows, int[] sizes)
    {
        this.centroids = centroids;
        dimensions = centroids.Dimensions;
        TrainedRows = trainedRows;
        buckets = [.. sizes.Select(size => new Bucket(Math.Max(16, size), dimensions))];
    }

    /// <summary>The rows the centroids were trained on: the index retrains when the matrix has grown well past it.</summary>
    public int TrainedRows { get; }

    public int ListCount => centroids.Count;

    /// <summary>The rows of list <paramref name="list"/>, for tests.</summary>
    public ReadOnlySpan<int> Members(int list) => buckets[list].Rows.AsSpan(0, buckets[list].Size);

    /// <summary>
    /// Trains <paramref name="lists"/> centroids on the matrix as it is (seeded, so the same rows give the same index)
    /// and puts every row in the list of its nearest centroid, in row order.
    /// </summary>
    public static InvertedLists Build(VectorMatrix matrix, int lists, int seed)
    {
        var trained = SphericalKMeans.Train(matrix, lists, seed);
        var nearest = new int[matrix.Count];
        Parallel.For(
            0,
            matrix.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new int[lists],
            (row, _, dots) =>
            {
                nearest[row] = trained.Nearest(matrix.Codes(row), dots).Centroid;
                return dots;
            },
            _ => { });
        var sizes = new int[lists];
        foreach (var list in nearest)
        {
            sizes[list]++;
        }

        var built = new InvertedLists(trained, matrix.Count, sizes);
        built.Reserve(matrix.Count);
        for (var row = 0; row < nearest.Length; row++)
        {
            built.Append(matrix, nearest[row], row);
        }

        return built;
    }

    /// <summary>How many lists a matrix of <paramref name="rows"/> rows gets when VectorIndex:Lists is 0 (automatic).</summary>
    public static int AutomaticListCount(int rows) => Math.Clamp((int)Math.Round(Math.Sqrt(rows)), 1, VectorIndexOptions.MaxAutomaticLists);

    /// <summary>Makes room for rows numbered below <paramref name="rows"/>, so that <see cref="Place"/> allocates little.</summary>
    public void Reserve(int rows)
    {
        if (listOf.Length >= rows)
        {
            return;
        }

        var capacity = (int)Math.Min(Array.MaxLength, Math.Max(rows, listOf.Length * 2L));
        var previous = listOf.Length;
        Array.Resize(ref listOf, capacity);
        Array.Resize(ref slotOf, capacity);
        listOf.AsSpan(previous).Fill(-1);
    }

    /// <summary>Files row <paramref name="row"/> (new, or with a new vector) under its nearest centroid.</summary>
    public void Place(VectorMatrix matrix, int row)
    {
        Reserve(row + 1);
        if (listOf[row] >= 0)
        {
            Unlink(row);
        }

        Span<int> dots = centroids.Count <= 1024 ? stackalloc int[centroids.Count] : new int[centroids.Count];
        Append(matrix, centroids.Nearest(matrix.Codes(row), dots).Centroid, row);
    }

    /// <summary>Follows <see cref="VectorMatrix.Remove(long, out int, out int)"/>: row <paramref name="row"/> is gone and row <paramref name="movedFrom"/> took its number.</summary>
    public void Remove(int row, int movedFrom)
    {
        Unlink(row);
        if (movedFrom != row)
        {
            var (list, slot) = (listOf[movedFrom], slotOf[movedFrom]);
            buckets[list].Rows[slot] = row;
            (listOf[row], slotOf[row]) = (list, slot);
            listOf[movedFrom] = -1;
        }
    }

    /// <summary>
    /// The best <paramref name="k"/> rows of the lists nearest <paramref name="query"/> (unit length), nearest list
    /// first, until at least <paramref name="probeRows"/> rows (and never fewer than the search needs) were scanned.
    /// The rows are scanned by their int8 codes and the best k × <paramref name="rerankFactor"/> re-ranked with floats,
    /// as <see cref="MatrixSearch.Quantized"/> does over every row.
    /// </summary>
    public ScoredChunk[] Search(VectorMatrix matrix, ReadOnlySpan<float> query, int k, int probeRows, int rerankFactor, Func<long, bool>? filter)
    {
        var order = ListsByScore(query);
        var wanted = (int)Math.Min((long)k * Math.Max(1, rerankFactor), matrix.Count);
        var candidates = new TopK(wanted);
        var queryCodes = new sbyte[query.Length];
        var queryScale = Int8Codec.Quantize(query, queryCodes);
        var dots = new int[buckets.Max(b => b.Size)];
        var scanned = 0;
        for (var i = 0; i < order.Length && (scanned < probeRows || scanned < wanted); i++)
        {
            var bucket = buckets[order[i]];
            Int8Codec.DotRows(bucket.Codes.AsSpan(0, bucket.Size * dimensions), queryCodes, dots.AsSpan(0, bucket.Size));
            for (var slot = 0; slot < bucket.Size; slot++)
            {
                var approximate = dots[slot] * bucket.Scales[slot] * queryScale;
                var row = bucket.Rows[slot];
                if (candidates.Accepts(approximate) && (filter is null || filter(matrix.ChunkIdAt(row))))
                {
                    candidates.Add(row, approximate); // keyed by row, re-ranked by the float rows below
                }
            }

            scanned += bucket.Size;
        }

        return MatrixSearch.Rerank(matrix, candidates.ToSortedArray(), query, k);
    }

    /// <summary>Every list, best centroid first.</summary>
    private int[] ListsByScore(ReadOnlySpan<float> query)
    {
        var keys = new float[centroids.Count];
        var order = new int[centroids.Count];
        for (var list = 0; list < order.Length; list++)
        {
            keys[list] = -TensorPrimitives.Dot(centroids.Row(list), query);
            order[list] = list;
        }

        Array.Sort(keys, order);
        return order;
    }

    private void Append(VectorMatrix matrix, int list, int row)
    {
        var bucket = buckets[list];
        bucket.EnsureRoom();
        var slot = bucket.Size++;
        matrix.Codes(row).CopyTo(bucket.Codes.AsSpan(slot * dimensions, dimensions));
        bucket.Scales[slot] = matrix.Scale(row);
        bucket.Rows[slot] = row;
        (listOf[row], slotOf[row]) = (list, slot);
    }

    /// <summary>Takes <paramref name="row"/> out of its list; the list's last member fills the hole.</summary>
    private void Unlink(int row)
    {
        var (list, slot) = (listOf[row], slotOf[row]);
        var bucket = buckets[list];
        var last = --bucket.Size;
        if (slot != last)
        {
            bucket.Codes.AsSpan(last * dimensions, dimensions).CopyTo(bucket.Codes.AsSpan(slot * dimensions, dimensions));
            bucket.Scales[slot] = bucket.Scales[last];
            bucket.Rows[slot] = bucket.Rows[last];
            slotOf[bucket.Rows[slot]] = slot;
        }

        listOf[row] = -1;
    }

    /// <summary>One list: its rows' numbers, int8 codes (row-major) and scales, the first <see cref="Size"/> in use.</summary>
    private sealed class Bucket(int capacity, int dimensions)
    {
        public int Size { get; set; }

        public int[] Rows { get; private set; } = new int[capacity];

        public sbyte[] Codes { get; private set; } = new sbyte[capacity * dimensions];

        public float[] Scales { get; private set; } = new float[capacity];

        public void EnsureRoom()
        {
            if (Size < Rows.Length)
            {
                return;
            }

            var capacity = Rows.Length * 2;
            var rows = Rows;
            var codes = Codes;
            var scales = Scales;
            Array.Resize(ref rows, capacity);
            Array.Resize(ref codes, capacity * dimensions);
            Array.Resize(ref scales, capacity);
            (Rows, Codes, Scales) = (rows, codes, scales);
        }
    }
}

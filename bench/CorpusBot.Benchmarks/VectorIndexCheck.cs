using System.Diagnostics;
using CorpusBot.Core.Embeddings;
using CorpusBot.Core.Retrieval;
using CorpusBot.Core.Storage;
using CorpusBot.Core.Storage.Vectors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CorpusBot.Benchmarks;

/// <summary>
/// The vector index of a corpus run: how many lists it probes, how long a reload from the file takes (reading the
/// vectors, plus training and filling the k-means lists when there are any) and its recall for each question's vector:
/// the share of a scan of every row's top k (k = Retrieval:CandidatesPerSearch, what the retriever asks for) that the
/// search returns. "Tied" recall also counts a hit scored within 0.001 of the k-th best (the topical corpus repeats
/// the seeds' sentences, so many passages tie). With lists, the same for other numbers of rows scanned.
/// </summary>
/// <param name="Lists">0 when every row is scanned (below VectorIndex:ClusterAbove): recall is 1 by construction.</param>
internal sealed record VectorIndexCheck(int Rows, int Lists, int ProbeRows, double ReloadSeconds, int K, IReadOnlyList<ProbeRecall> Recall)
{
    private const float TieTolerance = 0.001f;

    private static readonly int[] SweptProbeRows = [8_192, 16_384, 32_768, 65_536, 131_072];

    public static async Task<VectorIndexCheck> MeasureAsync(IServiceProvider services, IEnumerable<string> questions, CancellationToken cancellationToken)
    {
        var index = services.GetRequiredService<VectorIndex>();
        var queryVectors = services.GetRequiredService<QueryVectors>();
        var k = services.GetRequiredService<IOptions<RetrievalOptions>>().Value.CandidatesPerSearch;
        var probes = index.ProbeRows(index.Count);
        var vectors = new List<float[]>();
        foreach (var question in questions.Distinct(StringComparer.Ordinal))
        {
            vectors.Add(await queryVectors.GetAsync(question, cancellationToken));
        }

        _ = vectors.Take(5).Select(v => index.SearchEveryRow(v, k)).ToList(); // warm-up
        var everyRow = Stopwatch.StartNew();
        var truths = vectors.Select(v => index.SearchEveryRow(v, k)).ToList();
        var sweep = new List<ProbeRecall> { new(-1, 1, 1, 1, everyRow.Elapsed.TotalMilliseconds / Math.Max(1, vectors.Count)) };
        if (index.ListCount > 0)
        {
            sweep.Add(Measure(index, vectors, truths, k, 0));
        }

        if (index.ListCount > 0)
        {
            sweep.AddRange(SweptProbeRows.Where(p => p != probes && p < index.Count).Select(p => Measure(index, vectors, truths, k, p)));
        }

        var watch = Stopwatch.StartNew();
        await index.LoadAsync(services.GetRequiredService<SqliteConnectionFactory>(), index.ModelId, cancellationToken);
        return new VectorIndexCheck(index.Count, index.ListCount, probes, watch.Elapsed.TotalSeconds, k, [.. sweep.OrderBy(s => s.ProbeRows == 0 ? probes : s.ProbeRows)]);
    }

    /// <param name="probeRows">0: as configured.</param>
    private static ProbeRecall Measure(VectorIndex index, List<float[]> vectors, List<IReadOnlyList<ScoredChunk>> truths, int k, int probeRows)
    {
        var recalls = new List<double>();
        var tied = new List<double>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < vectors.Count; i++)
        {
            var hits = probeRows == 0 ? index.Search(vectors[i], k) : index.SearchProbing(vectors[i], k, probeRows);
            var truth = truths[i];
            if (truth.Count == 0)
            {
                continue;
            }

            var ids = truth.Select(t => t.ChunkId).ToHashSet();
            var floor = truth[^1].Score - TieTolerance;
            recalls.Add((double)hits.Count(h => ids.Contains(h.ChunkId)) / truth.Count);
            tied.Add((double)hits.Count(h => ids.Contains(h.ChunkId) || h.Score >= floor) / truth.Count);
        }

        var ms = watch.Elapsed.TotalMilliseconds / Math.Max(1, vectors.Count);
        return recalls.Count == 0
            ? new ProbeRecall(probeRows, 1, 1, 1, ms)
            : new ProbeRecall(probeRows, recalls.Average(), recalls.Min(), tied.Average(), ms);
    }
}

/// <param name="ProbeRows">0: as configured (VectorIndex:ProbeFactor × √rows); -1: a scan of every row (the reference).</param>
internal sealed record ProbeRecall(int ProbeRows, double MeanRecall, double LowestRecall, double MeanTiedRecall, double MeanMs);

using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using CorpusBot.Core.Hosting;
using CorpusBot.Core.Storage;
using CorpusBot.Core.Storage.Vectors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Benchmarks;

/// <summary>
/// Loads N random unit vectors into the project's <see cref="VectorIndex"/> (resolved through AddCorpusBotCore, as
/// the app gets it) and times top-10 searches one at a time; checks the hits against a brute-force top-10. The float
/// and int8 rows scan every row (uniform random vectors have no clusters for k-means lists to find); the clustered
/// row (--ivf) draws vectors around random centres, as text embeddings gather by topic, and runs the index as
/// configured: k-means lists from VectorIndex:ClusterAbove rows on, trained again as the rows double.
/// </summary>
internal static class VectorBenchmark
{
    private const int K = 10;
    private const int Queries = 30;
    private const int RecallQueries = 3;
    private const int Batch = 65_536;

    private const int Centres = 4_000;
    private const float Spread = 1f;

    public static VectorResult Run(int count, int dimensions, bool int8, double bytesPerSecond, bool clustered = false)
    {
        PeakMemory.Reset();
        var random = new Random(384 + count);
        var centres = clustered ? Enumerable.Range(0, Centres).Select(_ => UnitVector(random, dimensions)).ToList() : null;
        var all = new float[(long)count * dimensions];
        for (var row = 0; row < count; row++)
        {
            Draw(random, centres, all.AsSpan(row * dimensions, dimensions));
        }

        using var services = Services(int8 || clustered, clustered);
        var index = services.GetRequiredService<VectorIndex>();
        // Managed bytes, not resident ones: the harness's own copy of the vectors is held apart, and the memory a
        // previous row freed stays resident, which made a resident-set difference meaningless for the second row.
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        for (var start = 0; start < count; start += Batch)
        {
            var rows = Enumerable.Range(start, Math.Min(Batch, count - start))
                .Select(r => ((long)r + 1, all.AsSpan(r * dimensions, dimensions).ToArray()))
                .ToList();
            index.Apply(rows, []);
        }

        var loadSeconds = watch.Elapsed.TotalSeconds;
        var indexMiB = (GC.GetTotalMemory(forceFullCollection: true) - before) / 1024.0 / 1024;
        var queries = Enumerable.Range(0, Queries).Select(_ =>
        {
            var query = new float[dimensions];
            Draw(random, centres, query);
            return query;
        }).ToList();
        for (var i = 0; i < 3; i++)
        {
            _ = index.Search(queries[i], K); // warm-up
        }

        var timings = new List<double>();
        foreach (var query in queries)
        {
            var start = Stopwatch.GetTimestamp();
            _ = index.Search(query, K);
            timings.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        var found = 0;
        var recallQueries = clustered ? Queries : RecallQueries; // approximate: a larger sample
        foreach (var query in queries.Take(recallQueries))
        {
            var truth = BruteForce(all, dimensions, query).ToHashSet();
            found += index.Search(query, K).Count(h => truth.Contains(h.ChunkId));
        }

        var bytesPerQuery = (double)count * dimensions * (int8 || clustered ? sizeof(sbyte) : sizeof(float));
        return new VectorResult(count, dimensions, int8, index.ListCount, loadSeconds, Core.Evaluation.Percentiles.Of(timings, 50),
            Core.Evaluation.Percentiles.Of(timings, 95), bytesPerQuery / bytesPerSecond * 1000, (double)found / (recallQueries * K),
            PeakMemory.PeakMiB(), indexMiB);
    }

    /// <summary>A unit vector: uniform in the cube, or near one of <paramref name="centres"/> (Gaussian noise of length <see cref="Spread"/>).</summary>
    private static void Draw(Random random, List<float[]>? centres, Span<float> v)
    {
        if (centres is null)
        {
            for (var i = 0; i < v.Length; i++)
            {
                v[i] = (random.NextSingle() * 2) - 1;
            }
        }
        else
        {
            var centre = centres[random.Next(centres.Count)];
            var scale = Spread / MathF.Sqrt(v.Length);
            for (var i = 0; i < v.Length; i++)
            {
                v[i] = centre[i] + (scale * Gaussian(random));
            }
        }

        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private static float Gaussian(Random random) =>
        MathF.Sqrt(-2f * MathF.Log(1f - random.NextSingle())) * MathF.Cos(2f * MathF.PI * random.NextSingle());

    private static ServiceProvider Services(bool int8, bool clustered)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["VectorIndex:Quantized"] = int8.ToString(CultureInfo.InvariantCulture),
            // The float rows measure the exact scan at every size, not the automatic switch to int8.
            ["VectorIndex:QuantizeAbove"] = int8 ? "0" : int.MaxValue.ToString(CultureInfo.InvariantCulture),
            // Every row, as the bound assumes, unless the vectors are clustered: then the lists from the default threshold.
            ["VectorIndex:ClusterAbove"] = (clustered ? new VectorIndexOptions().ClusterAbove : int.MaxValue).ToString(CultureInfo.InvariantCulture),
            ["Storage:DatabasePath"] = Path.Combine(Path.GetTempPath(), "corpusbot-bench-vectors-unused.db"),
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddCorpusBotCore(new ContentRoot(Path.GetTempPath()));
        return services.BuildServiceProvider();
    }

    private static float[] UnitVector(Random random, int dimensions)
    {
        var v = new float[dimensions];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = (random.NextSingle() * 2) - 1;
        }

        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }

    private static IEnumerable<long> BruteForce(float[] all, int dimensions, float[] query)
    {
        var scores = new (float Score, long Id)[all.Length / dimensions];
        for (var row = 0; row < scores.Length; row++)
        {
            scores[row] = (TensorPrimitives.Dot(all.AsSpan(row * dimensions, dimensions), query), row + 1);
        }

        return scores.OrderByDescending(s => s.Score).Take(K).Select(s => s.Id);
    }
}

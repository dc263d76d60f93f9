using System.Collections.Concurrent;
using System.Globalization;
using CorpusBot.Core.Diagnostics;
using CorpusBot.Core.Storage;
using CorpusBot.Core.Storage.Vectors;
using CorpusBot.Core.Text;
using Microsoft.Data.Sqlite;

namespace CorpusBot.Core.Retrieval;

/// <summary>
/// How many passages contain a term, read from the FTS index's own vocabulary, for weighting question terms and for
/// planning the keyword query. The vocabulary is scanned for every word the stem begins; for a stem of four letters or
/// more <see cref="StemInfo.PrefixFrequency"/> sums them (slightly overcounting, the safe direction for weighting), for a
/// shorter one only its own forms ("bed", "beds"; not "bedroom"), and
/// <see cref="StemInfo.Inflections"/> keeps the words whose own stem it is ("soldier", "soldiers"; not "treaty" for
/// "treat"). Counting reads each word's postings, which for the corpus's common words grows with the corpus, so the
/// answers are cached until the corpus changes (<see cref="VectorIndex.Version"/>).
/// </summary>
public sealed class TermStatistics(SqliteConnectionFactory connections, VectorIndex vectorIndex)
{
    /// <summary>Beyond this many cached stems the cache starts afresh: a bound on memory, not a tuning knob.</summary>
    private const int MaxCachedStems = 50_000;

    private readonly ConcurrentDictionary<string, StemInfo> cache = new(StringComparer.Ordinal);
    private long cachedVersion = -1;

    public async Task<(long TotalPassages, Dictionary<string, long> PassageFrequency)> GetAsync(
        IEnumerable<string> stems, CancellationToken cancellationToken)
    {
        var (total, infos) = await LookUpAsync(stems, cancellationToken);
        return (total, infos.ToDictionary(i => i.Key, i => i.Value.PrefixFrequency, StringComparer.Ordinal));
    }

    /// <summary>The passage count and each distinct stem's vocabulary entry.</summary>
    public async Task<(long TotalPassages, Dictionary<string, StemInfo> Stems)> LookUpAsync(
        IEnumerable<string> stems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stems);
        using var span = CoreActivities.Start(CoreActivities.Terms);
        var version = vectorIndex.Version;
        if (Interlocked.Exchange(ref cachedVersion, version) != version || cache.Count > MaxCachedStems)
        {
            cache.Clear();
        }

        var result = new Dictionary<string, StemInfo>(StringComparer.Ordinal);
        SqliteConnection? connection = null;
        try
        {
            foreach (var stem in stems.Distinct(StringComparer.Ordinal))
            {
                if (!cache.TryGetValue(stem, out var info))
                {
                    connection ??= await connections.OpenAsync(cancellationToken);
                    info = await ReadAsync(connection, stem, cancellationToken);
                    cache[stem] = info;
                }

                result[stem] = info;
            }

            // Every passage has one vector of the current model, so the in-memory index knows the count;
            // count(*) scans the whole table, a cost that would grow with the corpus on every question.
            long total = vectorIndex.Count;
            if (total == 0)
            {
                connection ??= await connections.OpenAsync(cancellationToken);
                await using var count = connection.CreateCommand();
                count.CommandText = "SELECT count(*) FROM chunks;";
                total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }

            return (total, result);
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task<StemInfo> ReadAsync(SqliteConnection connection, string stem, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // Every word that begins with the stem is read, also for a short stem: the vocabulary holds words as written,
        // so "bed" is only ever there as "beds", and an exact look-up would call it absent from the corpus.
        var prefix = stem.Length >= 4;
        command.CommandText = "SELECT term, doc FROM chunks_vocab WHERE term >= $stem AND term < $stem || char(1114111);";
        command.Parameters.AddWithValue("$stem", stem);
        long sum = 0;
        var inflections = new List<(string Term, long Passages)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var term = reader.GetString(0);
            var passages = reader.GetInt64(1);
            var inflection = term == stem || Tokenizer.Stem(term) == stem;
            // A short stem counts only its own forms: "war" is not "warn" or "ward".
            if (prefix || inflection)
            {
                sum += passages;
            }

            if (inflection)
            {
                inflections.Add((term, passages));
            }
        }

        return new StemInfo(stem, sum, inflections);
    }
}

/// <summary>A question stem in the FTS vocabulary.</summary>
/// <param name="PrefixFrequency">Passages per word that begins with the stem (four letters or more) or equals it, summed.</param>
/// <param name="Inflections">The vocabulary words whose stem is <paramref name="Stem"/>, with their passage counts.</param>
public sealed record StemInfo(string Stem, long PrefixFrequency, IReadOnlyList<(string Term, long Passages)> Inflections)
{
    /// <summary>Postings a query on the inflections reads (passages holding two inflections count twice).</summary>
    public long Postings => Inflections.Sum(i => i.Passages);
}

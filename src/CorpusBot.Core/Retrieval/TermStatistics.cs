using System.Globalization;
using CorpusBot.Core.Storage;
using CorpusBot.Core.Storage.Vectors;

namespace CorpusBot.Core.Retrieval;

/// <summary>
/// How many passages contain a term (or, for stems of four letters or more, any word it begins),
/// read from the FTS index's own vocabulary. Sums over prefix variants slightly overcount; that only
/// makes common terms look a little more common, which is the safe direction for weighting.
/// </summary>
public sealed class TermStatistics(SqliteConnectionFactory connections, VectorIndex vectorIndex)
{
    public async Task<(long TotalPassages, Dictionary<string, long> PassageFrequency)> GetAsync(
        IEnumerable<string> stems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stems);
        await using var connection = await connections.OpenAsync(cancellationToken);
        // Every passage has one vector of the current model, so the in-memory index knows the count;
        // count(*) scans the whole table, a cost that would grow with the corpus on every question.
        var totalPassages = (long)vectorIndex.Count;
        if (totalPassages == 0)
        {
            await using var total = connection.CreateCommand();
            total.CommandText = "SELECT count(*) FROM chunks;";
            totalPassages = Convert.ToInt64(await total.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        await using var frequency = connection.CreateCommand();
        frequency.CommandText = """
            SELECT coalesce(sum(doc), 0) FROM chunks_vocab
            WHERE term = $stem OR ($prefix AND term > $stem AND term < $stem || char(1114111));
            """;
        var stem = frequency.Parameters.Add("$stem", Microsoft.Data.Sqlite.SqliteType.Text);
        var prefix = frequency.Parameters.Add("$prefix", Microsoft.Data.Sqlite.SqliteType.Integer);
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var s in stems.Distinct(StringComparer.Ordinal))
        {
            stem.Value = s;
            prefix.Value = s.Length >= 4 ? 1 : 0;
            result[s] = Convert.ToInt64(await frequency.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        return (totalPassages, result);
    }
}

using System.Globalization;
using CorpusBot.Core.Storage;

namespace CorpusBot.WebConsole.Stats;

/// <summary>Counts and latency percentiles from the answer log.</summary>
internal sealed class StatsQueries(SqliteConnectionFactory connections, TimeProvider clock)
{
    public const int Days = 30;

    public async Task<ConsoleStats> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var first = today.AddDays(1 - Days);
        var perDay = Enumerable.Range(0, Days).ToDictionary(i => first.AddDays(i), _ => (Answered: 0, Refused: 0));
        foreach (var (day, refused, count) in await RowsAsync(connection,
            "SELECT substr(asked_at, 1, 10), refused, count(*) FROM answers WHERE asked_at >= $from GROUP BY 1, 2;",
            r => (DateOnly.ParseExact(r.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture), r.GetInt64(1) != 0, r.GetInt32(2)),
            cancellationToken, ("$from", first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))))
        {
            if (perDay.TryGetValue(day, out var v))
            {
                perDay[day] = refused ? (v.Answered, v.Refused + count) : (v.Answered + count, v.Refused);
            }
        }

        var answered = (await RowsAsync(connection, "SELECT count(*) FROM answers WHERE refused = 0;", r => r.GetInt32(0), cancellationToken))[0];
        var reasons = await RowsAsync(connection,
            "SELECT coalesce(reason, 'unknown'), count(*) FROM answers WHERE refused = 1 GROUP BY 1 ORDER BY 2 DESC, 1;",
            r => (r.GetString(0), r.GetInt32(1)), cancellationToken);
        var feedback = await RowsAsync(connection,
            "SELECT kind, count(*) FROM feedback GROUP BY 1 ORDER BY 1;", r => (r.GetString(0), r.GetInt32(1)), cancellationToken);
        var modes = await RowsAsync(connection,
            "SELECT mode, count(*) FROM answers GROUP BY 1 ORDER BY 2 DESC;", r => (r.GetString(0), r.GetInt32(1)), cancellationToken);
        var notices = (await RowsAsync(connection, "SELECT count(*) FROM answers WHERE notice IS NOT NULL;", r => r.GetInt32(0), cancellationToken))[0];
        var latencies = await RowsAsync(connection, "SELECT elapsed_ms FROM answers ORDER BY elapsed_ms;", r => r.GetInt64(0), cancellationToken);
        return new ConsoleStats(
            [.. perDay.OrderBy(p => p.Key).Select(p => (p.Key, p.Value.Answered, p.Value.Refused))],
            answered,
            reasons,
            feedback,
            modes,
            notices,
            latencies.Count == 0 ? [] : [("p50", Percentile(latencies, 0.50)), ("p90", Percentile(latencies, 0.90)), ("p99", Percentile(latencies, 0.99)), ("max", latencies[^1])]);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    internal static long Percentile(IReadOnlyList<long> sorted, double p)
    {
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static async Task<List<T>> RowsAsync<T>(
        Microsoft.Data.Sqlite.SqliteConnection connection, string sql, Func<Microsoft.Data.Sqlite.SqliteDataReader, T> read,
        CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var list = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(read(reader));
        }

        return list;
    }
}

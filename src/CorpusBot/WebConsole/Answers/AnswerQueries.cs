using System.Globalization;
using System.Text.Json;
using CorpusBot.Core.Answering;
using CorpusBot.Core.Answering.ShortAnswers;
using CorpusBot.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CorpusBot.WebConsole.Answers;

/// <summary>Reads the answer log for the review queue, the answers log and its CSV export.</summary>
internal sealed class AnswerQueries(SqliteConnectionFactory connections)
{
    private const string Select = """
        SELECT a.id, a.asked_at, a.channel, a.question, a.refused, a.reason, a.mode, a.answer_text, a.citations,
               a.elapsed_ms, a.notice, a.reported, a.review_status, a.reviewed_by, a.reviewed_at,
               (SELECT count(*) FROM feedback f WHERE f.answer_id = a.id AND f.kind = 'helpful'),
               (SELECT count(*) FROM feedback f WHERE f.answer_id = a.id AND f.kind = 'not_helpful'),
               (SELECT count(*) FROM feedback f WHERE f.answer_id = a.id AND f.kind = 'report'),
               a.short_answers
        FROM answers a
        """;

    /// <summary>
    /// The review queue: answers and reported refusals, reported first, then oldest first — the order
    /// /review uses. With the default filter (pending) this is exactly what is left to review.
    /// </summary>
    public Task<ResultPage<LoggedAnswer>> ReviewQueueAsync(
        AnswerFilter filter, int page, int pageSize, CancellationToken cancellationToken, bool reportedOnly = false) =>
        PageAsync(reportedOnly ? "a.reported = 1" : "(a.refused = 0 OR a.reported = 1)", filter, "a.reported DESC, a.id", page, pageSize, cancellationToken);

    /// <summary>Every question asked, newest first.</summary>
    public Task<ResultPage<LoggedAnswer>> LogAsync(AnswerFilter filter, int page, int pageSize, CancellationToken cancellationToken) =>
        PageAsync("1 = 1", filter, "a.id DESC", page, pageSize, cancellationToken);

    public async Task<LoggedAnswer?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Select + " WHERE a.id = $id;";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>Every matching answer, newest first, streamed (for CSV export).</summary>
    public async IAsyncEnumerable<LoggedAnswer> AllAsync(AnswerFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Select + " WHERE 1 = 1" + filter.Where(command) + " ORDER BY a.id DESC;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Read(reader);
        }
    }

    /// <summary>Distinct refusal reasons and modes seen, for the filter menus.</summary>
    public async Task<(IReadOnlyList<string> Reasons, IReadOnlyList<string> Modes)> FacetsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT DISTINCT 'r', reason FROM answers WHERE reason IS NOT NULL
            UNION SELECT DISTINCT 'm', mode FROM answers ORDER BY 1, 2;
            """;
        var reasons = new List<string>();
        var modes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            (reader.GetString(0) == "r" ? reasons : modes).Add(reader.GetString(1));
        }

        return (reasons, modes);
    }

    private async Task<ResultPage<LoggedAnswer>> PageAsync(
        string scope, AnswerFilter filter, string order, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        page = Math.Max(1, page);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM answers a WHERE {scope}{filter.Where(count)};";
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

        await using var command = connection.CreateCommand();
        command.CommandText = $"{Select} WHERE {scope}{filter.Where(command)} ORDER BY {order} LIMIT $limit OFFSET $offset;";
        command.Parameters.AddWithValue("$limit", pageSize);
        command.Parameters.AddWithValue("$offset", (long)(page - 1) * pageSize);
        var items = new List<LoggedAnswer>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }

        return new ResultPage<LoggedAnswer>(items, page, pageSize, total);
    }

    private static LoggedAnswer Read(SqliteDataReader r)
    {
        var citations = JsonSerializer.Deserialize<List<Citation>>(r.GetString(8)) ?? [];
        return new(
            r.GetInt64(0),
            DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture),
            r.GetString(2),
            r.GetString(3),
            r.GetInt64(4) != 0,
            r.IsDBNull(5) ? null : r.GetString(5),
            r.GetString(6),
            r.GetString(7),
            citations,
            r.GetInt64(9),
            r.IsDBNull(10) ? null : r.GetString(10),
            r.GetInt64(11) != 0,
            r.GetString(12),
            r.IsDBNull(13) ? null : r.GetInt64(13),
            r.IsDBNull(14) ? null : DateTimeOffset.Parse(r.GetString(14), CultureInfo.InvariantCulture),
            r.GetInt32(15),
            r.GetInt32(16),
            r.GetInt32(17))
        {
            ShortAnswers = ShortAnswer.FromJson(r.IsDBNull(18) ? null : r.GetString(18), citations),
        };
    }
}

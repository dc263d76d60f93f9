using System.Globalization;
using CorpusBot.Core.Answering;
using CorpusBot.Core.Storage;
using CorpusBot.Telegram.Moderation;

namespace CorpusBot.WebConsole.Gaps;

/// <summary>Refused questions grouped by similar wording, most frequent first, and maintainers' marks on them.</summary>
internal sealed class GapQueries(SqliteConnectionFactory connections, TimeProvider clock)
{
    public const string AddSource = "add_source";
    public const string OutOfScope = "out_of_scope";

    /// <summary>How many refusals are read at most (the newest); enough to see what people miss.</summary>
    private const int Window = 5000;

    public async Task<IReadOnlyList<GapGroup>> GroupsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var marks = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var m = connection.CreateCommand())
        {
            m.CommandText = "SELECT wording, status FROM gap_marks;";
            await using var r = await m.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                marks[r.GetString(0)] = r.GetString(1);
            }
        }

        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT question, asked_at, coalesce(reason, '') FROM answers
            WHERE refused = 1 AND coalesce(reason, '') <> $invalid ORDER BY id DESC LIMIT $window;
            """;
        command.Parameters.AddWithValue("$invalid", RefusalReason.InvalidQuestion);
        command.Parameters.AddWithValue("$window", Window);
        var groups = new Dictionary<string, List<(string Question, DateTimeOffset At, string Reason)>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var question = reader.GetString(0);
            var key = GapWording.Key(question);
            if (key.Length == 0)
            {
                continue;
            }

            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add((question, DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture), reader.GetString(2)));
        }

        return [.. groups
            .Select(g => new GapGroup(
                g.Key,
                g.Value[0].Question,
                g.Value.Count,
                g.Value[0].At,
                [.. g.Value.Select(v => v.Reason).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal)],
                [.. g.Value.Select(v => v.Question).Distinct(StringComparer.Ordinal).Take(5)],
                marks.GetValueOrDefault(g.Key)))
            .OrderByDescending(g => g.Count)
            .ThenByDescending(g => g.LastAsked)];
    }

    /// <summary>Marks a group (or clears the mark with null), audited in the same transaction.</summary>
    public Task MarkAsync(string key, string? status, long userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (status is not (null or AddSource or OutOfScope))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A gap is marked add_source or out_of_scope.");
        }

        return connections.WriteAsync(
            async (connection, transaction) =>
            {
                var now = clock.GetUtcNow();
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = status is null
                    ? "DELETE FROM gap_marks WHERE wording = $key;"
                    : """
                      INSERT INTO gap_marks(wording, status, marked_by, marked_at) VALUES ($key, $status, $user, $at)
                      ON CONFLICT(wording) DO UPDATE SET status = excluded.status, marked_by = excluded.marked_by, marked_at = excluded.marked_at;
                      """;
                command.Parameters.AddWithValue("$key", key);
                command.Parameters.AddWithValue("$status", (object?)status ?? DBNull.Value);
                command.Parameters.AddWithValue("$user", userId);
                command.Parameters.AddWithValue("$at", now.ToString("O", CultureInfo.InvariantCulture));
                await command.ExecuteNonQueryAsync(cancellationToken);
                await AuditLog.WriteAsync(connection, transaction, now, ModerationStore.Actor(userId), "mark-gap", null,
                    $"{status ?? "unmarked"}: {key}", cancellationToken);
                return 0;
            },
            cancellationToken);
    }
}

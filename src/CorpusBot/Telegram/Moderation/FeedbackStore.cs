using System.Globalization;
using CorpusBot.Core.Answering;
using CorpusBot.Core.Storage;

namespace CorpusBot.Telegram.Moderation;

/// <summary>Feedback on answers, and what /stats and /gaps read from the answer log.</summary>
internal sealed class FeedbackStore(SqliteConnectionFactory connections, TimeProvider clock)
{
    public const string Helpful = "helpful";
    public const string NotHelpful = "not_helpful";
    public const string Report = "report";

    /// <summary>Records one user's feedback (once per kind); a report also flags the answer so it leads the review queue.</summary>
    public Task<bool> AddAsync(long answerId, long userId, string kind, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO feedback(answer_id, user_id, kind, at) VALUES ($answer, $user, $kind, $at)
                    ON CONFLICT DO NOTHING;
                    """;
                command.Parameters.AddWithValue("$answer", answerId);
                command.Parameters.AddWithValue("$user", userId);
                command.Parameters.AddWithValue("$kind", kind);
                command.Parameters.AddWithValue("$at", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                var added = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
                if (kind == Report)
                {
                    await using var flag = connection.CreateCommand();
                    flag.Transaction = transaction;
                    flag.CommandText = "UPDATE answers SET reported = 1 WHERE id = $answer;";
                    flag.Parameters.AddWithValue("$answer", answerId);
                    await flag.ExecuteNonQueryAsync(cancellationToken);
                }

                return added;
            },
            cancellationToken);

    public async Task<AnswerStats> StatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM answers),
                   (SELECT count(*) FROM answers WHERE refused = 1),
                   (SELECT count(*) FROM feedback WHERE kind = 'helpful'),
                   (SELECT count(*) FROM feedback WHERE kind = 'not_helpful'),
                   (SELECT count(*) FROM feedback WHERE kind = 'report'),
                   (SELECT count(*) FROM answers WHERE review_status = 'pending' AND (refused = 0 OR reported = 1));
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new AnswerStats(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
    }

    /// <summary>The latest refused questions, newest first; invalid questions (empty, too long) are not gaps.</summary>
    public async Task<IReadOnlyList<Gap>> GapsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, asked_at, question, reason FROM answers
            WHERE refused = 1 AND coalesce(reason, '') <> $invalid
            ORDER BY id DESC LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$invalid", RefusalReason.InvalidQuestion.ToCode());
        command.Parameters.AddWithValue("$limit", limit);
        var list = new List<Gap>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new Gap(reader.GetInt64(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
                reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return list;
    }
}

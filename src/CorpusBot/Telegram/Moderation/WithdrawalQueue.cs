using System.Globalization;
using CorpusBot.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CorpusBot.Telegram.Moderation;

/// <summary>
/// The durable queue of edits a review decision owes Telegram (table telegram_withdrawals): a rejection
/// withdraws its answer's messages, and every decision updates the answer's review cards. Both are
/// queued in the same transaction as the decision (<see cref="EnqueueAsync"/>), whichever way it was
/// made (a button or the web console), so a crash or a Telegram error after the commit cannot leave a
/// rejected answer visible, or a card offering buttons for a decided answer, for good.
/// </summary>
internal sealed class WithdrawalQueue(SqliteConnectionFactory connections, TimeProvider clock)
{
    /// <summary>
    /// Queues the answer's review cards and, when <paramref name="withdraw"/>, every message that carries
    /// the answer; inside the caller's transaction.
    /// </summary>
    public static async Task EnqueueAsync(
        SqliteConnection connection, SqliteTransaction transaction, long answerId, bool withdraw, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT OR IGNORE INTO telegram_withdrawals(chat_id, message_id, answer_id, due_at, kind)
            SELECT chat_id, message_id, answer_id, $now, 'card' FROM review_cards WHERE answer_id = $answer;
            INSERT OR IGNORE INTO telegram_withdrawals(chat_id, message_id, answer_id, due_at, kind)
            SELECT chat_id, message_id, answer_id, $now, 'withdraw' FROM telegram_replies WHERE answer_id = $answer AND $withdraw;
            """;
        command.Parameters.AddWithValue("$withdraw", withdraw);
        command.Parameters.AddWithValue("$answer", answerId);
        command.Parameters.AddWithValue("$now", Format(now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Withdrawals due now (all of them when <paramref name="ignoreSchedule"/>: at start, everything is retried).</summary>
    public async Task<IReadOnlyList<Withdrawal>> DueAsync(bool ignoreSchedule, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT chat_id, message_id, answer_id, attempts, kind FROM telegram_withdrawals
            WHERE $all OR due_at <= $now ORDER BY due_at LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$all", ignoreSchedule);
        command.Parameters.AddWithValue("$now", Format(clock.GetUtcNow()));
        command.Parameters.AddWithValue("$limit", limit);
        var list = new List<Withdrawal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new Withdrawal(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetString(4)));
        }

        return list;
    }

    /// <summary>When the next withdrawal is due, or null when the queue is empty.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT min(due_at) FROM telegram_withdrawals;";
        return await command.ExecuteScalarAsync(cancellationToken) is string due
            ? DateTimeOffset.Parse(due, CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>Done (or impossible, and given up): removed from the queue.</summary>
    public Task RemoveAsync(Withdrawal withdrawal, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM telegram_withdrawals WHERE chat_id = $chat AND message_id = $message;";
                command.Parameters.AddWithValue("$chat", withdrawal.ChatId);
                command.Parameters.AddWithValue("$message", withdrawal.MessageId);
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    /// <summary>Failed for now: counted, and due again at <paramref name="due"/>.</summary>
    public Task DeferAsync(Withdrawal withdrawal, DateTimeOffset due, string error, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    UPDATE telegram_withdrawals SET attempts = attempts + 1, due_at = $due, last_error = $error
                    WHERE chat_id = $chat AND message_id = $message;
                    """;
                command.Parameters.AddWithValue("$chat", withdrawal.ChatId);
                command.Parameters.AddWithValue("$message", withdrawal.MessageId);
                command.Parameters.AddWithValue("$due", Format(due));
                command.Parameters.AddWithValue("$error", error);
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text.Json;
using CorpusBot.Core.Answering;
using CorpusBot.Core.Answering.ShortAnswers;
using CorpusBot.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CorpusBot.Telegram.Moderation;

/// <summary>
/// The moderators' view of the answer log: which messages carry which answer, the review queue
/// (reported first), and review decisions, each audited in the same transaction.
/// </summary>
internal sealed class ModerationStore(SqliteConnectionFactory connections, TimeProvider clock)
{
    private const string Columns = "id, asked_at, question, refused, reason, answer_text, citations, reported, review_status, reviewed_by, mode, short_answers";

    public Task RecordRepliesAsync(long answerId, IEnumerable<ReplyMessage> messages, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "INSERT OR IGNORE INTO telegram_replies(answer_id, chat_id, message_id) VALUES ($answer, $chat, $message);";
                command.Parameters.AddWithValue("$answer", answerId);
                var chat = command.Parameters.Add("$chat", SqliteType.Integer);
                var message = command.Parameters.Add("$message", SqliteType.Integer);
                foreach (var m in messages)
                {
                    chat.Value = m.ChatId;
                    message.Value = m.MessageId;
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                return 0;
            },
            cancellationToken);

    /// <summary>
    /// Remembers a review card (a message offering approve / reject for the answer), so a decision made
    /// anywhere later updates it too (<see cref="WithdrawalQueue.EnqueueAsync"/>).
    /// </summary>
    public Task RecordCardAsync(long answerId, long chatId, int messageId, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT OR IGNORE INTO review_cards(answer_id, chat_id, message_id)
                    SELECT id, $chat, $message FROM answers WHERE id = $answer;
                    """;
                command.Parameters.AddWithValue("$answer", answerId);
                command.Parameters.AddWithValue("$chat", chatId);
                command.Parameters.AddWithValue("$message", messageId);
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    /// <summary>The answer a given bot message carries, or null: a feedback button must sit under its own answer.</summary>
    public async Task<long?> AnswerOfMessageAsync(long chatId, int messageId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT answer_id FROM telegram_replies WHERE chat_id = $chat AND message_id = $message;";
        command.Parameters.AddWithValue("$chat", chatId);
        command.Parameters.AddWithValue("$message", messageId);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    /// <summary>Answers not yet reviewed, reported ones first, then oldest first. Refusals only when reported.</summary>
    public async Task<IReadOnlyList<ReviewItem>> NextForReviewAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM answers
            WHERE review_status = 'pending' AND (refused = 0 OR reported = 1)
            ORDER BY reported DESC, id LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadItemsAsync(command, cancellationToken);
    }

    public async Task<ReviewItem?> GetAsync(long answerId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM answers WHERE id = $id;";
        command.Parameters.AddWithValue("$id", answerId);
        var items = await ReadItemsAsync(command, cancellationToken);
        return items.Count == 0 ? null : items[0];
    }

    /// <summary>
    /// Approves or rejects a pending answer; false when it is not pending (already reviewed, or no such
    /// answer). In the same transaction the answer's review cards are queued for an update and, on a
    /// rejection, its messages for withdrawal.
    /// </summary>
    public Task<bool> ReviewAsync(long answerId, bool approve, long moderatorId, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                var now = clock.GetUtcNow();
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    UPDATE answers SET review_status = $status, reviewed_by = $by, reviewed_at = $at
                    WHERE id = $id AND review_status = 'pending';
                    """;
                command.Parameters.AddWithValue("$status", approve ? "approved" : "rejected");
                command.Parameters.AddWithValue("$by", moderatorId);
                command.Parameters.AddWithValue("$at", now.ToString("O", CultureInfo.InvariantCulture));
                command.Parameters.AddWithValue("$id", answerId);
                if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
                {
                    return false;
                }

                await AuditLog.WriteAsync(connection, transaction, now, Actor(moderatorId), approve ? "approve-answer" : "reject-answer",
                    null, string.Create(CultureInfo.InvariantCulture, $"answer {answerId}"), cancellationToken);
                // With the decision, atomically: the edits it owes cannot be lost to a crash or a Telegram error.
                await WithdrawalQueue.EnqueueAsync(connection, transaction, answerId, withdraw: !approve, now, cancellationToken);

                return true;
            },
            cancellationToken);

    /// <summary>How people appear in the audit log.</summary>
    public static string Actor(long userId) => string.Create(CultureInfo.InvariantCulture, $"telegram:{userId}");

    private static async Task<IReadOnlyList<ReviewItem>> ReadItemsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var list = new List<ReviewItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var citations = JsonSerializer.Deserialize<List<Citation>>(reader.GetString(6)) ?? [];
            list.Add(new ReviewItem(
                reader.GetInt64(0),
                DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
                reader.GetString(2),
                reader.GetInt64(3) != 0,
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5),
                citations,
                reader.GetInt64(7) != 0,
                reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetInt64(9))
            {
                Mode = reader.GetString(10),
                ShortAnswers = ShortAnswer.FromJson(reader.IsDBNull(11) ? null : reader.GetString(11), citations),
            });
        }

        return list;
    }
}

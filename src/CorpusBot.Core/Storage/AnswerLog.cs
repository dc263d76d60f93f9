using System.Globalization;

namespace CorpusBot.Core.Storage;

/// <summary>
/// Every answer given, with its quotes, for moderators' review and for finding gaps in the corpus.
/// <see cref="Answering.AnswerService.AskAndRecordAsync"/> is the one place that writes here.
/// </summary>
public sealed class AnswerLog(SqliteConnectionFactory connections, TimeProvider clock)
{
    /// <summary>Records the answer and returns its id.</summary>
    public Task<long> RecordAsync(AnswerRecord answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var context = answer.Context;
        return connections.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO answers(asked_at, channel, chat_id, user_id, message_id, question, refused, reason, mode,
                                        answer_text, citations, elapsed_ms, notice, short_answers)
                    VALUES ($at, $channel, $chat, $user, $message, $question, $refused, $reason, $mode, $text, $citations, $elapsed, $notice, $short)
                    RETURNING id;
                    """;
                command.Parameters.AddWithValue("$at", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                command.Parameters.AddWithValue("$channel", context.Channel);
                command.Parameters.AddWithValue("$chat", (object?)context.ChatId ?? DBNull.Value);
                command.Parameters.AddWithValue("$user", (object?)context.UserId ?? DBNull.Value);
                command.Parameters.AddWithValue("$message", (object?)context.MessageId ?? DBNull.Value);
                command.Parameters.AddWithValue("$question", answer.Question);
                command.Parameters.AddWithValue("$refused", answer.Refused ? 1 : 0);
                command.Parameters.AddWithValue("$reason", (object?)answer.Reason ?? DBNull.Value);
                command.Parameters.AddWithValue("$mode", answer.Mode);
                command.Parameters.AddWithValue("$text", answer.Text);
                command.Parameters.AddWithValue("$citations", answer.CitationsJson);
                command.Parameters.AddWithValue("$elapsed", answer.ElapsedMs);
                command.Parameters.AddWithValue("$notice", (object?)answer.Notice ?? DBNull.Value);
                command.Parameters.AddWithValue("$short", (object?)answer.ShortAnswersJson ?? DBNull.Value);
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            },
            cancellationToken);
    }
}

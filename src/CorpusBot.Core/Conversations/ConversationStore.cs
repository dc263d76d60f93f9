using System.Globalization;
using CorpusBot.Core.Storage;

namespace CorpusBot.Core.Conversations;

/// <summary>The last question each person asked in each chat, in SQLite, so a follow-up still works after a restart.</summary>
public sealed class ConversationStore(SqliteConnectionFactory connections)
{
    public async Task<(string Question, DateTimeOffset AskedAt)?> GetAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT question, asked_at FROM conversations WHERE chat_id = $chat AND user_id = $user;";
        command.Parameters.AddWithValue("$chat", key.ChatId);
        command.Parameters.AddWithValue("$user", key.UserId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetString(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture))
            : null;
    }

    public Task SaveAsync(ConversationKey key, string question, DateTimeOffset askedAt, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO conversations(chat_id, user_id, question, asked_at) VALUES ($chat, $user, $question, $at)
                    ON CONFLICT(chat_id, user_id) DO UPDATE SET question = excluded.question, asked_at = excluded.asked_at;
                    """;
                command.Parameters.AddWithValue("$chat", key.ChatId);
                command.Parameters.AddWithValue("$user", key.UserId);
                command.Parameters.AddWithValue("$question", question);
                command.Parameters.AddWithValue("$at", askedAt.ToString("O", CultureInfo.InvariantCulture));
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    /// <summary>Forgets the conversation (/new); true when there was one.</summary>
    public async Task<bool> ClearAsync(ConversationKey key, CancellationToken cancellationToken) =>
        await connections.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM conversations WHERE chat_id = $chat AND user_id = $user;";
                command.Parameters.AddWithValue("$chat", key.ChatId);
                command.Parameters.AddWithValue("$user", key.UserId);
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken) > 0;
}

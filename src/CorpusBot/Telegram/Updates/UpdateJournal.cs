using System.Globalization;
using System.Text.Json;
using CorpusBot.Core.Storage;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace CorpusBot.Telegram.Updates;

/// <summary>
/// Every update is written here before it is handled, keyed on update_id: a redelivered update
/// (webhook retry, a restart mid-batch) is recognised and handled once.
/// </summary>
internal sealed class UpdateJournal(SqliteConnectionFactory connections, TimeProvider clock)
{
    public const string Received = "received";
    public const string Handled = "handled";
    public const string Failed = "failed";

    /// <summary>Records the update; false when this update_id was seen before (nothing is written then).</summary>
    public Task<bool> TryRecordAsync(Update update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var payload = JsonSerializer.Serialize(update, JsonBotAPI.Options);
        return connections.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO telegram_updates(update_id, received_at, payload) VALUES ($id, $at, $payload)
                    ON CONFLICT(update_id) DO NOTHING;
                    """;
                command.Parameters.AddWithValue("$id", update.Id);
                command.Parameters.AddWithValue("$at", Now());
                command.Parameters.AddWithValue("$payload", payload);
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);
    }

    public Task MarkAsync(int updateId, string status, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "UPDATE telegram_updates SET status = $status, handled_at = $at WHERE update_id = $id;";
                command.Parameters.AddWithValue("$id", updateId);
                command.Parameters.AddWithValue("$status", status);
                command.Parameters.AddWithValue("$at", Now());
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    /// <summary>Updates recorded but never finished (the process stopped mid-way): handled again at start.</summary>
    public async Task<IReadOnlyList<Update>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM telegram_updates WHERE status = 'received' ORDER BY update_id;";
        var list = new List<Update>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (JsonSerializer.Deserialize<Update>(reader.GetString(0), JsonBotAPI.Options) is { } update)
            {
                list.Add(update);
            }
        }

        return list;
    }

    private string Now() => clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text.Json;
using CorpusBot.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace CorpusBot.Telegram.Updates;

/// <summary>
/// Every update is written here before it is handled, keyed on update_id: a redelivered update
/// (webhook retry, a restart mid-batch) is recognised and handled once. An update is marked
/// <see cref="Replying"/> before its first visible reply, so a crash after that is not answered twice.
/// Rows (ids and the users' texts) are kept <see cref="TelegramOptions.JournalDays"/> days.
/// </summary>
internal sealed class UpdateJournal(SqliteConnectionFactory connections, TimeProvider clock, IOptions<TelegramOptions> options)
{
    public const string Received = "received";
    public const string Replying = "replying";
    public const string Handled = "handled";
    public const string Failed = "failed";
    public const string Dropped = "dropped";

    /// <summary>Records the update; false when this update_id was seen before (nothing is written then).</summary>
    public async Task<bool> TryRecordAsync(Update update, CancellationToken cancellationToken) =>
        (await TryRecordAsync([update], cancellationToken)).Count == 1;

    /// <summary>
    /// Records a batch in one transaction (one disk sync); returns the updates not seen before, in order.
    /// An id last seen more than JournalDays ago is new again: Telegram reuses ids after a week of silence.
    /// </summary>
    public Task<IReadOnlyList<Update>> TryRecordAsync(IReadOnlyList<Update> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var now = Now();
        var cutoff = Cutoff();
        return connections.WriteAsync<IReadOnlyList<Update>>(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO telegram_updates(update_id, received_at, payload) VALUES ($id, $at, $payload)
                    ON CONFLICT(update_id) DO UPDATE SET
                        received_at = excluded.received_at, payload = excluded.payload, status = 'received', handled_at = NULL
                    WHERE telegram_updates.received_at < $cutoff;
                    """;
                var id = command.Parameters.Add("$id", SqliteType.Integer);
                var payload = command.Parameters.Add("$payload", SqliteType.Text);
                command.Parameters.AddWithValue("$at", now);
                command.Parameters.AddWithValue("$cutoff", cutoff);
                var fresh = new List<Update>(updates.Count);
                foreach (var update in updates)
                {
                    id.Value = update.Id;
                    payload.Value = JsonSerializer.Serialize(update, JsonBotAPI.Options);
                    if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
                    {
                        fresh.Add(update);
                    }
                }

                return fresh;
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

    /// <summary>Updates recorded but never started (the process stopped first): handled again at start.</summary>
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

    /// <summary>Updates whose reply had started when the process stopped: not repeated; marked so and counted for the log.</summary>
    public Task<int> CloseInterruptedAsync(CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "UPDATE telegram_updates SET status = 'interrupted', handled_at = $at WHERE status = 'replying';";
                command.Parameters.AddWithValue("$at", Now());
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    /// <summary>Deletes rows older than JournalDays (their ids and the users' texts); returns how many.</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM telegram_updates WHERE received_at < $cutoff;";
                command.Parameters.AddWithValue("$cutoff", Cutoff());
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    private string Cutoff() => Format(clock.GetUtcNow().AddDays(-options.Value.JournalDays));

    private string Now() => Format(clock.GetUtcNow());

    /// <summary>Fixed-width UTC, so that text comparison is time order.</summary>
    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}

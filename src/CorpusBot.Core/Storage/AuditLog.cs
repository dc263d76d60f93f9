using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CorpusBot.Core.Storage;

/// <summary>Who changed the corpus, how, and when. Written inside the change's own transaction.</summary>
public static class AuditLog
{
    public static async Task WriteAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        DateTimeOffset at,
        string actor,
        string action,
        string? documentId,
        string? detail,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO audit_log(at, actor, action, document_id, detail) VALUES ($at, $actor, $action, $doc, $detail);
            """;
        command.Parameters.AddWithValue("$at", at.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$actor", actor);
        command.Parameters.AddWithValue("$action", action);
        command.Parameters.AddWithValue("$doc", (object?)documentId ?? DBNull.Value);
        command.Parameters.AddWithValue("$detail", (object?)detail ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

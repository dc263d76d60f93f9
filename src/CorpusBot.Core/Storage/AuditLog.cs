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
        await using var command = CreateCommand(connection, transaction);
        await WriteAsync(command, at, actor, action, documentId, detail, cancellationToken);
    }

    /// <summary>The insert, to run once per entry with <see cref="WriteAsync(SqliteCommand, DateTimeOffset, string, string, string?, string?, CancellationToken)"/>.</summary>
    internal static SqliteCommand CreateCommand(SqliteConnection connection, SqliteTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO audit_log(at, actor, action, document_id, detail) VALUES ($at, $actor, $action, $doc, $detail);
            """;
        foreach (var name in (string[])["$at", "$actor", "$action", "$doc", "$detail"])
        {
            command.Parameters.Add(name, SqliteType.Text);
        }

        return command;
    }

    internal static async Task WriteAsync(
        SqliteCommand command, DateTimeOffset at, string actor, string action, string? documentId, string? detail, CancellationToken cancellationToken)
    {
        command.Parameters[0].Value = at.ToString("O", CultureInfo.InvariantCulture);
        command.Parameters[1].Value = actor;
        command.Parameters[2].Value = action;
        command.Parameters[3].Value = (object?)documentId ?? DBNull.Value;
        command.Parameters[4].Value = (object?)detail ?? DBNull.Value;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using System.Globalization;
using CorpusBot.Core.Storage;

namespace CorpusBot.WebConsole.Documents;

/// <summary>One entry of the audit log.</summary>
internal sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string? DocumentId, string? Detail);

/// <summary>The audit log, newest first.</summary>
internal sealed class AuditQueries(SqliteConnectionFactory connections)
{
    public async Task<ResultPage<AuditEntry>> PageAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM audit_log;";
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, at, actor, action, document_id, detail FROM audit_log ORDER BY id DESC LIMIT $limit OFFSET $offset;";
        command.Parameters.AddWithValue("$limit", pageSize);
        command.Parameters.AddWithValue("$offset", (long)(page - 1) * pageSize);
        var items = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new AuditEntry(reader.GetInt64(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
                reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return new ResultPage<AuditEntry>(items, page, pageSize, total);
    }
}

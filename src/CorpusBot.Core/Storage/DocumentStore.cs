using System.Globalization;
using CorpusBot.Core.Documents;
using Microsoft.Data.Sqlite;

namespace CorpusBot.Core.Storage;

/// <summary>Reads documents from the corpus database. Writes go through the ingestor and remover.</summary>
public sealed class DocumentStore(SqliteConnectionFactory connections)
{
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM documents;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<StoredDocument?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, title, url, source, published, content_hash, text, added_by, added_at,
                   (SELECT count(*) FROM chunks c WHERE c.document_id = d.id), author, page_starts
            FROM documents d WHERE id = $id;
            """;
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredDocument(
            reader.GetString(0), reader.GetString(1), NullableString(reader, 2), NullableString(reader, 3),
            NullableString(reader, 4), reader.GetString(5), reader.GetString(6), reader.GetString(7),
            DateTimeOffset.Parse(reader.GetString(8), CultureInfo.InvariantCulture), reader.GetInt32(9),
            NullableString(reader, 10), PageNumbers.Parse(NullableString(reader, 11)));
    }

    /// <summary>
    /// The title and address of each document of <paramref name="ids"/> that exists, in that order, without reading any
    /// document's text (a refusal names the documents closest to the question).
    /// </summary>
    public async Task<IReadOnlyList<(string Id, string Title, string? Url)>> GetTitlesAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new List<(string Id, string Title, string? Url)>(ids.Count);
        if (ids.Count == 0)
        {
            return found;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT title, url FROM documents WHERE id = $id;";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        foreach (var documentId in ids)
        {
            id.Value = documentId;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                found.Add((documentId, reader.GetString(0), NullableString(reader, 1)));
            }
        }

        return found;
    }

    public async Task<IReadOnlyList<DocumentSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT d.id, d.title, d.url, d.source, d.published, length(d.text), d.added_by, d.added_at,
                   (SELECT count(*) FROM chunks c WHERE c.document_id = d.id)
            FROM documents d ORDER BY d.id;
            """;
        var list = new List<DocumentSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new DocumentSummary(
                reader.GetString(0), reader.GetString(1), NullableString(reader, 2), NullableString(reader, 3),
                NullableString(reader, 4), reader.GetInt32(8), reader.GetInt32(5), reader.GetString(6),
                DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture)));
        }

        return list;
    }

    /// <summary>The hash and title of a stored document, or null: what the ingestor needs to tell unchanged from updated.</summary>
    internal static async Task<(string Hash, string Title)?> GetFingerprintAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        await using var command = FingerprintCommand(connection, transaction);
        return await ReadFingerprintAsync(command, id, cancellationToken);
    }

    /// <summary>The fingerprint query, to run for many ids with <see cref="ReadFingerprintAsync"/> (SQLite prepares it once).</summary>
    internal static SqliteCommand FingerprintCommand(SqliteConnection connection, SqliteTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT content_hash, title FROM documents WHERE id = $id;";
        command.Parameters.Add("$id", SqliteType.Text);
        return command;
    }

    internal static async Task<(string Hash, string Title)?> ReadFingerprintAsync(
        SqliteCommand command, string id, CancellationToken cancellationToken)
    {
        command.Parameters[0].Value = id;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

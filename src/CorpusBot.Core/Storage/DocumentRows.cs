using System.Globalization;
using CorpusBot.Core.Chunking;
using CorpusBot.Core.Documents;
using Microsoft.Data.Sqlite;

namespace CorpusBot.Core.Storage;

/// <summary>The SQL that writes and deletes a document's rows, always inside the caller's transaction.</summary>
internal static class DocumentRows
{
    /// <summary>Deletes a document and everything hanging off it (cascade, FTS triggers); returns the removed chunk ids.</summary>
    public static async Task<List<long>> DeleteAsync(
        SqliteConnection connection, SqliteTransaction transaction, string id, CancellationToken cancellationToken)
    {
        var removed = new List<long>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT id FROM chunks WHERE document_id = $id;";
            select.Parameters.AddWithValue("$id", id);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                removed.Add(reader.GetInt64(0));
            }
        }

        await using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM chunks WHERE document_id = $id; DELETE FROM documents WHERE id = $id;";
        delete.Parameters.AddWithValue("$id", id);
        await delete.ExecuteNonQueryAsync(cancellationToken);
        return removed;
    }

    /// <summary>
    /// Adds passages to the full-text index, which is contentless (the text lives once, in the document), with one
    /// prepared statement, inside the connection's transaction. Write them together and after every other row of the transaction: FTS5 flushes the terms it
    /// holds in memory to a new on-disk segment whenever another statement opens a savepoint (any insert that may
    /// fail a constraint does), so full-text rows interleaved with other writes made one tiny segment per passage and
    /// constant merging — 70,000 passages cost 7.4 CPU-seconds that way, 3.1 written last (docs/BENCHMARKS.md).
    /// </summary>
    public static void IndexPassages(SqliteConnection connection, IEnumerable<(long ChunkId, string Text)> passages)
    {
        using var insert = new RowStatement(connection, "INSERT INTO chunks_fts(rowid, text) VALUES (?1, ?2);");
        foreach (var passage in passages)
        {
            insert.Bind(1, passage.ChunkId).Bind(2, passage.Text).Run();
        }
    }
}

using CorpusBot.Core.Storage;
using CorpusBot.Core.Storage.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Tests.Storage.Vectors;

/// <summary>A migrated corpus database in a temp folder, deleted with its -wal and -shm on dispose.</summary>
internal sealed class VectorTestDatabase : IAsyncDisposable
{
    private readonly string directory;
    private long nextChunkId = 1;

    private VectorTestDatabase(string directory, SqliteConnectionFactory connections)
    {
        this.directory = directory;
        Connections = connections;
    }

    public SqliteConnectionFactory Connections { get; }

    public static async Task<VectorTestDatabase> CreateAsync(IReadOnlyList<Migration>? migrations = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "corpusbot-vectors-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var connections = new SqliteConnectionFactory(
            Options.Create(new StorageOptions { DatabasePath = Path.Combine(directory, "corpus.db") }), new ContentRoot(directory));
        var database = new VectorTestDatabase(directory, connections);
        await database.MigrateAsync(migrations ?? Schema.Migrations);
        return database;
    }

    public Task<int> MigrateAsync(IReadOnlyList<Migration> migrations) =>
        new SchemaMigrator(Connections, NullLogger<SchemaMigrator>.Instance).MigrateAsync(migrations, CancellationToken.None);

    /// <summary>Inserts a document with <paramref name="chunks"/> chunks by plain SQL; returns the chunk ids.</summary>
    public async Task<long[]> AddDocumentAsync(string documentId, int chunks)
    {
        var ids = Enumerable.Range(0, chunks).Select(_ => nextChunkId++).ToArray();
        await Connections.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                // A passage's text is its document's text between its offsets (schema 10): lay the chunks end to end.
                var texts = ids.Select(id => $"chunk {id} of {documentId}").ToArray();
                command.CommandText = """
                    INSERT INTO documents (id, title, content_hash, text, added_by, added_at)
                    VALUES ($doc, 'Title', 'hash', $text, 'test', '2025-01-01T00:00:00Z');
                    """;
                command.Parameters.AddWithValue("$doc", documentId);
                command.Parameters.AddWithValue("$text", string.Join(' ', texts));
                await command.ExecuteNonQueryAsync();
                // Before schema 10 a chunk row carried its own copy of the text (and triggers filled the FTS index from it).
                command.CommandText = "SELECT count(*) FROM pragma_table_info('chunks') WHERE name = 'text';";
                var withText = (long)(await command.ExecuteScalarAsync())! == 1;
                var start = 0;
                for (var i = 0; i < ids.Length; i++)
                {
                    command.CommandText = withText
                        ? "INSERT INTO chunks (id, document_id, ordinal, start_offset, end_offset, text) VALUES ($id, $doc, $ordinal, $start, $end, $text);"
                        : "INSERT INTO chunks (id, document_id, ordinal, start_offset, end_offset) VALUES ($id, $doc, $ordinal, $start, $end);";
                    command.Parameters.Clear();
                    command.Parameters.AddWithValue("$doc", documentId);
                    command.Parameters.AddWithValue("$id", ids[i]);
                    command.Parameters.AddWithValue("$ordinal", i);
                    command.Parameters.AddWithValue("$start", start);
                    command.Parameters.AddWithValue("$end", start + texts[i].Length);
                    command.Parameters.AddWithValue("$text", texts[i]);
                    await command.ExecuteNonQueryAsync();
                    start += texts[i].Length + 1;
                }

                return 0;
            },
            CancellationToken.None);
        return ids;
    }

    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await Connections.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        Directory.Delete(directory, recursive: true);
    }
}

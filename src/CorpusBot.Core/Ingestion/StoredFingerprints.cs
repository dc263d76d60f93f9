using CorpusBot.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CorpusBot.Core.Ingestion;

/// <summary>
/// The fingerprints (hash, title) of stored documents, read over one connection with one prepared query: the check
/// that skips embedding an unchanged document, made once per document of a load run. Opening a connection per
/// document (and running its pragmas) cost more than the query. Not thread-safe: one per run.
/// </summary>
public sealed class StoredFingerprints : IAsyncDisposable
{
    private readonly SqliteConnection connection;
    private readonly SqliteCommand query;

    private StoredFingerprints(SqliteConnection connection)
    {
        this.connection = connection;
        query = DocumentStore.FingerprintCommand(connection, null);
    }

    internal static async Task<StoredFingerprints> OpenAsync(SqliteConnectionFactory connections, CancellationToken cancellationToken) =>
        new(await connections.OpenAsync(cancellationToken));

    /// <summary>Whether the document <paramref name="id"/> is stored with this content hash.</summary>
    internal async Task<bool> IsStoredAsync(string id, string hash, CancellationToken cancellationToken) =>
        await DocumentStore.ReadFingerprintAsync(query, id, cancellationToken) is { } stored && stored.Hash == hash;

    public async ValueTask DisposeAsync()
    {
        await query.DisposeAsync();
        await connection.DisposeAsync();
    }
}

using System.Globalization;
using CorpusBot.Core.Documents;
using CorpusBot.Core.Ingestion;
using CorpusBot.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CorpusBot.Core.Feeds;

/// <summary>Documents added from a URL (by /add URL or a feed) and their conditional-GET state, for the scheduled refresh.</summary>
public sealed class DocumentSourceStore(SqliteConnectionFactory connections, TimeProvider clock)
{
    /// <summary>Whom re-check updates of a document added by /add URL are audited under.</summary>
    public const string RefreshActor = "refresh";

    /// <summary>
    /// Starts (or updates) tracking a document's URL; the validators are those of the copy just stored
    /// (null when unknown: the first re-check then fetches in full and compares the text).
    /// </summary>
    public Task TrackAsync(string documentId, Uri url, string actor, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        return ExecuteAsync(
            """
            INSERT INTO document_sources(document_id, url, actor, etag, last_modified, checked_at) VALUES ($doc, $url, $actor, $etag, $modified, $now)
            ON CONFLICT(document_id) DO UPDATE SET url = excluded.url, actor = excluded.actor, etag = excluded.etag,
                last_modified = excluded.last_modified, checked_at = excluded.checked_at, last_error = NULL;
            """,
            command =>
            {
                command.Parameters.AddWithValue("$doc", documentId);
                command.Parameters.AddWithValue("$url", url.AbsoluteUri);
                command.Parameters.AddWithValue("$actor", actor);
                command.Parameters.AddWithValue("$etag", (object?)etag ?? DBNull.Value);
                command.Parameters.AddWithValue("$modified", (object?)lastModified ?? DBNull.Value);
            },
            cancellationToken);
    }

    /// <summary>
    /// After a maintainer added a document (by /add or the web console): one fetched from a URL is
    /// re-checked on schedule from now on, its updates audited as <see cref="RefreshActor"/>.
    /// Files and typed text have no URL and are left alone.
    /// </summary>
    public Task TrackAddedAsync(SourceDocument document, IngestOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Status != IngestStatus.Rejected && Uri.TryCreate(document.Url, UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? TrackAsync(outcome.DocumentId ?? document.Id, url, RefreshActor, null, null, cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>Sources last checked at least <paramref name="interval"/> ago, oldest first; rows of documents removed meanwhile are dropped first.</summary>
    public async Task<IReadOnlyList<DocumentSource>> DueAsync(TimeSpan interval, int limit, CancellationToken cancellationToken)
    {
        await ExecuteAsync("DELETE FROM document_sources WHERE document_id NOT IN (SELECT id FROM documents);", _ => { }, cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT document_id, url, actor, etag, last_modified, checked_at FROM document_sources
            WHERE checked_at <= $due ORDER BY checked_at LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$due", FeedStore.Format(clock.GetUtcNow() - interval));
        var due = new List<DocumentSource>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(new DocumentSource(
                reader.GetString(0), new Uri(reader.GetString(1)), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture)));
        }

        return due;
    }

    /// <summary>A re-check that failed: the document stays as it was; tried again after the next interval.</summary>
    public Task RecordErrorAsync(string documentId, string error, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE document_sources SET checked_at = $now, last_error = $error WHERE document_id = $doc;",
            command =>
            {
                command.Parameters.AddWithValue("$doc", documentId);
                command.Parameters.AddWithValue("$error", error);
            },
            cancellationToken);

    private Task<int> ExecuteAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                command.Parameters.AddWithValue("$now", FeedStore.Format(clock.GetUtcNow()));
                bind(command);
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
}

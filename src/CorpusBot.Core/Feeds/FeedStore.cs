using System.Globalization;
using CorpusBot.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CorpusBot.Core.Feeds;

/// <summary>Followed feeds, the entries seen in each, and their polling state, in SQLite. Follow and unfollow are audited.</summary>
public sealed class FeedStore(SqliteConnectionFactory connections, TimeProvider clock)
{
    private const string Columns = "id, url, title, added_by, added_at, etag, last_modified, checked_at, next_check_at, failures, last_error, items";

    /// <summary>
    /// With the entries not stored (their count, and the latest one's link and error), for listings.
    /// Not in RETURNING, which cannot hold subqueries.
    /// </summary>
    private const string ListColumns = Columns + """
        , (SELECT count(*) FROM feed_items i WHERE i.feed_id = feeds.id AND i.document_id IS NULL),
          (SELECT coalesce(i.url, i.item_key) || ': ' || i.error FROM feed_items i
           WHERE i.feed_id = feeds.id AND i.document_id IS NULL AND i.error IS NOT NULL ORDER BY i.seen_at DESC LIMIT 1)
        """;

    /// <summary>Adds a feed; null when that URL is already followed.</summary>
    public Task<Feed?> AddAsync(Uri url, string? title, string actor, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"""
                    INSERT INTO feeds(url, title, added_by, added_at) VALUES ($url, $title, $by, $at)
                    ON CONFLICT(url) DO NOTHING RETURNING {Columns};
                    """;
                command.Parameters.AddWithValue("$url", url.AbsoluteUri);
                command.Parameters.AddWithValue("$title", (object?)title ?? DBNull.Value);
                command.Parameters.AddWithValue("$by", actor);
                command.Parameters.AddWithValue("$at", Format(clock.GetUtcNow()));
                var feed = (await ReadAsync(command, cancellationToken)).FirstOrDefault();
                if (feed is not null)
                {
                    await AuditLog.WriteAsync(connection, transaction, clock.GetUtcNow(), actor, "follow", null, $"feed {feed.Id} {url.AbsoluteUri}", cancellationToken);
                }

                return feed;
            },
            cancellationToken);

    public async Task<IReadOnlyList<Feed>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ListColumns} FROM feeds ORDER BY id;";
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<Feed?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ListColumns} FROM feeds WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        return (await ReadAsync(command, cancellationToken)).FirstOrDefault();
    }

    /// <summary>Feeds whose next check is due (never checked, or past next_check_at).</summary>
    public async Task<IReadOnlyList<Feed>> DueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM feeds WHERE next_check_at IS NULL OR next_check_at <= $now ORDER BY id;";
        command.Parameters.AddWithValue("$now", Format(clock.GetUtcNow()));
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Stops following a feed; the documents it brought stay. False when there is no such feed.</summary>
    public async Task<bool> RemoveAsync(long id, string actor, CancellationToken cancellationToken)
    {
        var removed = await connections.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM feeds WHERE id = $id RETURNING url;";
                command.Parameters.AddWithValue("$id", id);
                if (await command.ExecuteScalarAsync(cancellationToken) is not string url)
                {
                    return false;
                }

                await AuditLog.WriteAsync(connection, transaction, clock.GetUtcNow(), actor, "unfollow", null, $"feed {id} {url}", cancellationToken);
                return true;
            },
            cancellationToken);
        if (removed)
        {
            FeedPollLock.Delete(connections.DatabasePath, id);
        }

        return removed;
    }

    /// <summary>
    /// Keys of entries that are settled: stored as documents, or given up after <paramref name="maxAttempts"/>
    /// failed fetches (a link to a video page is not retried forever). They are not fetched again.
    /// </summary>
    public async Task<HashSet<string>> SettledKeysAsync(long feedId, int maxAttempts, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT item_key FROM feed_items WHERE feed_id = $feed AND (document_id IS NOT NULL OR attempts >= $max);";
        command.Parameters.AddWithValue("$feed", feedId);
        command.Parameters.AddWithValue("$max", maxAttempts);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <summary>Records what became of one entry: its document, or the error (tried again at the next poll, up to the attempt limit).</summary>
    public Task RecordItemAsync(long feedId, FeedEntry entry, string? documentId, string? error, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                ArgumentNullException.ThrowIfNull(entry);
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO feed_items(feed_id, item_key, url, document_id, seen_at, attempts, error) VALUES ($feed, $key, $url, $doc, $at, 1, $error)
                    ON CONFLICT(feed_id, item_key) DO UPDATE SET document_id = excluded.document_id, error = excluded.error,
                        seen_at = excluded.seen_at, attempts = attempts + 1;
                    """;
                command.Parameters.AddWithValue("$feed", feedId);
                command.Parameters.AddWithValue("$key", entry.Key);
                command.Parameters.AddWithValue("$url", (object?)entry.Url?.AbsoluteUri ?? DBNull.Value);
                command.Parameters.AddWithValue("$doc", (object?)documentId ?? DBNull.Value);
                command.Parameters.AddWithValue("$at", Format(clock.GetUtcNow()));
                command.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    /// <summary>A poll that reached the feed: validators kept, failures reset, items counted, next check scheduled.</summary>
    public Task RecordSuccessAsync(long feedId, string? title, string? etag, string? lastModified, int newItems, TimeSpan interval, CancellationToken cancellationToken) =>
        UpdateAsync(
            """
            UPDATE feeds SET title = coalesce($title, title), etag = $etag, last_modified = $modified, checked_at = $now,
                next_check_at = $next, failures = 0, last_error = NULL, items = items + $items WHERE id = $id;
            """,
            feedId,
            command =>
            {
                command.Parameters.AddWithValue("$title", (object?)title ?? DBNull.Value);
                command.Parameters.AddWithValue("$etag", (object?)etag ?? DBNull.Value);
                command.Parameters.AddWithValue("$modified", (object?)lastModified ?? DBNull.Value);
                command.Parameters.AddWithValue("$items", newItems);
                command.Parameters.AddWithValue("$next", Format(clock.GetUtcNow() + interval));
            },
            cancellationToken);

    /// <summary>A failed poll: the error kept for /feeds, the next check pushed back (doubling per failure, at most <paramref name="maxBackOff"/>).</summary>
    public Task RecordFailureAsync(Feed feed, string error, TimeSpan interval, TimeSpan maxBackOff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var failures = feed.Failures + 1;
        var delay = TimeSpan.FromTicks(Math.Min(maxBackOff.Ticks, interval.Ticks * (1L << Math.Min(failures, 20))));
        return UpdateAsync(
            "UPDATE feeds SET checked_at = $now, next_check_at = $next, failures = $failures, last_error = $error WHERE id = $id;",
            feed.Id,
            command =>
            {
                command.Parameters.AddWithValue("$next", Format(clock.GetUtcNow() + delay));
                command.Parameters.AddWithValue("$failures", failures);
                command.Parameters.AddWithValue("$error", error);
            },
            cancellationToken);
    }

    private Task<int> UpdateAsync(string sql, long feedId, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                command.Parameters.AddWithValue("$id", feedId);
                command.Parameters.AddWithValue("$now", Format(clock.GetUtcNow()));
                bind(command);
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    private static async Task<List<Feed>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var feeds = new List<Feed>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var listed = reader.FieldCount > 12;
            feeds.Add(new Feed(
                reader.GetInt64(0), new Uri(reader.GetString(1)), Text(reader, 2), reader.GetString(3), Parse(reader.GetString(4))!.Value,
                Text(reader, 5), Text(reader, 6), Parse(Text(reader, 7)), Parse(Text(reader, 8)), reader.GetInt32(9), Text(reader, 10), reader.GetInt32(11),
                listed ? reader.GetInt32(12) : 0, listed ? Text(reader, 13) : null));
        }

        return feeds;
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Parse(string? value) => value is null ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

    internal static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}

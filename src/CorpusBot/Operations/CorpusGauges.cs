using System.Diagnostics.Metrics;
using CorpusBot.Core.Diagnostics;
using CorpusBot.Core.Storage;
using CorpusBot.Telegram.Updates;
using Microsoft.Data.Sqlite;

namespace CorpusBot.Operations;

/// <summary>
/// Figures read when /metrics is scraped: from the database, documents and passages in the corpus,
/// feedback by kind, reported answers and reviews by decision, followed feeds by status (ok, failing); from the bot, its queue of updates. Read at most every few seconds
/// (cached), so a busy scraper cannot load the database; a read that fails keeps the last figures.
/// </summary>
internal sealed class CorpusGauges
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly SqliteConnectionFactory connections;
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
    private Snapshot current = new(0, 0, [], 0, [], []);
    private DateTimeOffset readAt = DateTimeOffset.MinValue;

    public CorpusGauges(CorpusBotMetrics metrics, SqliteConnectionFactory connections, ChatDispatcher dispatcher, TimeProvider clock)
    {
        this.connections = connections;
        this.clock = clock;
        var meter = metrics.Meter;
        meter.CreateObservableGauge("corpusbot.corpus.documents", () => Read().Documents, description: "Documents in the corpus.");
        meter.CreateObservableGauge("corpusbot.corpus.passages", () => Read().Passages, description: "Passages (chunks) in the corpus.");
        meter.CreateObservableCounter("corpusbot.feedback", () => Read().Feedback, description: "Feedback on answers, by kind (helpful, not_helpful, report).");
        meter.CreateObservableCounter("corpusbot.reports", () => Read().Reported, description: "Answers reported by users.");
        meter.CreateObservableCounter("corpusbot.reviews", () => Read().Reviews, description: "Answers reviewed by moderators, by decision.");
        meter.CreateObservableGauge("corpusbot.feeds", () => Read().Feeds, description: "Followed feeds, by status: ok, or failing (its last poll failed; /feeds shows why).");
        meter.CreateObservableGauge("corpusbot.telegram.queue_depth", () => dispatcher.InFlight, description: "Updates queued or being handled (their replies included).");
    }

    private sealed record Snapshot(long Documents, long Passages, Measurement<long>[] Feedback, long Reported, Measurement<long>[] Reviews, Measurement<long>[] Feeds);

    private Snapshot Read()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (now - readAt < MaxAge)
            {
                return current;
            }

            readAt = now;
            try
            {
                current = Query();
            }
            catch (SqliteException)
            {
                // Keep the last figures; /readyz reports a database that does not answer.
            }

            return current;
        }
    }

    private Snapshot Query()
    {
        // Synchronous: instrument callbacks are. One short read transaction, no write lock.
        using var connection = connections.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM chunks), (SELECT count(*) FROM answers WHERE reported <> 0);";
        long documents, passages, reported;
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            documents = reader.GetInt64(0);
            passages = reader.GetInt64(1);
            reported = reader.GetInt64(2);
        }

        return new Snapshot(
            documents,
            passages,
            Grouped(connection, "SELECT kind, count(*) FROM feedback GROUP BY kind;", "kind"),
            reported,
            Grouped(connection, "SELECT review_status, count(*) FROM answers WHERE review_status <> 'pending' GROUP BY review_status;", "decision"),
            Grouped(connection, "SELECT CASE WHEN last_error IS NULL THEN 'ok' ELSE 'failing' END, count(*) FROM feeds GROUP BY 1;", "status"));
    }

    private static Measurement<long>[] Grouped(SqliteConnection connection, string sql, string label)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<Measurement<long>>();
        while (reader.Read())
        {
            rows.Add(new Measurement<long>(reader.GetInt64(1), new KeyValuePair<string, object?>(label, reader.GetString(0))));
        }

        return [.. rows];
    }
}

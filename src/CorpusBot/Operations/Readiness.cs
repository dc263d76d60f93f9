using System.Globalization;
using CorpusBot.Core.Embeddings;
using CorpusBot.Core.Storage;
using CorpusBot.Telegram;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CorpusBot.Operations;

/// <summary>One readiness check's result; <see cref="Detail"/> says what was found or what is wrong.</summary>
public sealed record ReadinessCheck(string Name, bool Ok, string Detail);

/// <summary>
/// The checks behind /readyz: the database answers a query and grants its write lock in time, the
/// embedding model is loaded and has embedded a probe, the Bot API answered recently, and scheduled
/// backups are not failing. Each check is independent, so the answer names every failed one.
/// </summary>
public sealed class Readiness(
    IServiceProvider services,
    SqliteConnectionFactory connections,
    TelegramActivity telegram,
    BackupStatus backups,
    IOptions<HostingOptions> hosting,
    IOptions<TelegramOptions> telegramOptions,
    IOptions<BackupOptions> backupOptions)
{
    private string? embeddingModel;

    public async Task<IReadOnlyList<ReadinessCheck>> CheckAsync(CancellationToken cancellationToken)
    {
        var checks = new List<ReadinessCheck>
        {
            await DatabaseAsync(cancellationToken),
            await EmbeddingAsync(cancellationToken),
            Telegram(),
        };
        if (backupOptions.Value.Enabled)
        {
            var problem = backups.Problem();
            checks.Add(new("backups", problem is null, problem ?? (backups.LastSuccess is { } at ? $"last backup {at:u}" : "no backup due yet")));
        }

        return checks;
    }

    private async Task<ReadinessCheck> DatabaseAsync(CancellationToken cancellationToken)
    {
        const string Name = "database";
        if (!File.Exists(connections.DatabasePath))
        {
            return new(Name, false, $"{connections.DatabasePath} does not exist");
        }

        try
        {
            // A connection of its own, with a short busy timeout: readiness must answer quickly even
            // when the database is locked, and must not queue behind the bot's own writers.
            var timeout = hosting.Value.DatabaseTimeout;
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = connections.DatabasePath,
                Mode = SqliteOpenMode.ReadWrite,
                Pooling = false,
            }.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // Microsoft.Data.Sqlite retries a busy database until the command timeout (whole seconds) on top of busy_timeout.
            command.CommandTimeout = (int)Math.Ceiling(timeout.TotalSeconds);
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(int)timeout.TotalMilliseconds}; SELECT count(*) FROM documents;");
            var documents = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            // Updates are recorded before they are handled: the bot is only ready if it can write.
            command.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new(Name, true, $"{documents} documents");
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            return new(Name, false, $"locked: no write lock within {hosting.Value.DatabaseTimeout.TotalSeconds:0.#} s ({e.Message})");
        }
        catch (SqliteException e)
        {
            return new(Name, false, e.Message);
        }
    }

    private async Task<ReadinessCheck> EmbeddingAsync(CancellationToken cancellationToken)
    {
        const string Name = "embedding";
        if (embeddingModel is not null)
        {
            return new(Name, true, embeddingModel);
        }

        try
        {
            var embedder = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
            var model = EmbeddingModel.IdOf(embedder);
            // Loaded means it can embed: one probe, once (it stays loaded for the life of the process).
            await embedder.GenerateAsync(["readiness probe"], cancellationToken: cancellationToken);
            embeddingModel = model;
            return new(Name, true, model);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new(Name, false, "the embedding model is not loaded: " + e.Message);
        }
    }

    private ReadinessCheck Telegram()
    {
        // Webhook: Telegram calls us only when there is something to say, so silence is no symptom.
        var staleAfter = telegramOptions.Value.Mode == TelegramMode.Polling ? hosting.Value.TelegramStaleAfter : (TimeSpan?)null;
        var problem = telegram.Problem(staleAfter);
        return new("telegram", problem is null, problem ?? "the Bot API answers");
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Core.Storage.Migrations;

/// <summary>Brings the database up to the newest schema version; each step is atomic.</summary>
public sealed class SchemaMigrator(SqliteConnectionFactory connections, ILogger<SchemaMigrator> logger)
{
    public static int LatestVersion => Schema.Migrations[^1].Version;

    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        return await MigrateAsync(Schema.Migrations, cancellationToken);
    }

    internal async Task<int> MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await connections.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            var current = await GetVersionAsync(connection, cancellationToken);
            var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
            if (current > latest)
            {
                throw new CorpusBotException(
                    $"The database {connections.DatabasePath} has schema version {current}, newer than this build knows ({latest}). Use a newer CorpusBot or another Storage:DatabasePath.");
            }

            foreach (var migration in migrations.Where(m => m.Version > current))
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
                await using (var command = connection.CreateCommand())
                {
                    command.Transaction = transaction;
                    command.CommandText = migration.Sql + $"\nPRAGMA user_version = {migration.Version};";
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                Log.MigrationApplied(logger, migration.Version, migration.Description);
                current = migration.Version;
            }

            return current;
        }
        finally
        {
            connections.WriteLock.Release();
        }
    }

    internal static async Task<int> GetVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}

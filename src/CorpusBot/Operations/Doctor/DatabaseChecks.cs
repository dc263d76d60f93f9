using System.Globalization;
using CorpusBot.Core.Storage;
using CorpusBot.Core.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace CorpusBot.Operations.Doctor;

/// <summary>The database and the folders the bot writes to, checked without changing anything in the database.</summary>
internal static class DatabaseChecks
{
    public static IEnumerable<DoctorCheck> Folder(string name, string folder, string key)
    {
        if (File.Exists(folder))
        {
            yield return DoctorCheck.Fail(name, $"{folder} is a file, not a folder. Move it away or set {key}.");
            yield break;
        }

        if (!Directory.Exists(folder))
        {
            var parent = Path.GetDirectoryName(folder);
            if (parent is null || !Directory.Exists(parent) || CanWrite(parent) is not null)
            {
                yield return DoctorCheck.Fail(name, $"{folder} does not exist and cannot be created. Create it, writable by the bot's user, or set {key}.");
                yield break;
            }

            yield return DoctorCheck.Pass(name, $"{folder} does not exist yet; it will be created.");
            yield break;
        }

        yield return CanWrite(folder) is { } problem
            ? DoctorCheck.Fail(name, $"cannot write in {folder} ({problem}): the folder is read-only or not writable by this user. Fix its owner or permissions, or set {key}.")
            : DoctorCheck.Pass(name, $"{folder} is writable.");
    }

    public static async Task<(DoctorCheck Check, IReadOnlyDictionary<string, long> Vectors)> DatabaseAsync(string path, CancellationToken cancellationToken)
    {
        const string Name = "database";
        var none = new Dictionary<string, long>();
        if (!File.Exists(path))
        {
            return (DoctorCheck.Pass(Name, $"{path} does not exist yet; `corpusbot bot` (or `ask`) creates it and ingests the seeds."), none);
        }

        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check;";
            var quick = (string?)await command.ExecuteScalarAsync(cancellationToken);
            if (quick != "ok")
            {
                return (DoctorCheck.Fail(Name, $"{path} is damaged (quick_check: {quick}). Stop the bot and restore a backup: corpusbot restore FILE."), none);
            }

            command.CommandText = "PRAGMA user_version;";
            var version = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            if (version > SchemaMigrator.LatestVersion)
            {
                return (DoctorCheck.Fail(Name, $"{path} has schema version {version}, newer than this build ({SchemaMigrator.LatestVersion}). Install a newer CorpusBot."), none);
            }

            if (version == 0)
            {
                return (DoctorCheck.Pass(Name, $"{path} is empty; it will be set up at the next start."), none);
            }

            command.CommandText = "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM chunks);";
            long documents, passages;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                documents = reader.GetInt64(0);
                passages = reader.GetInt64(1);
            }

            var vectors = new Dictionary<string, long>(StringComparer.Ordinal);
            command.CommandText = "SELECT model_id, count(*) FROM embeddings GROUP BY model_id;";
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    vectors[reader.GetString(0)] = reader.GetInt64(1);
                }
            }

            var migration = version < SchemaMigrator.LatestVersion ? $"; schema {version} is migrated to {SchemaMigrator.LatestVersion} at the next start" : string.Empty;
            return (DoctorCheck.Pass(Name, $"{path}: quick_check ok, schema {version}, {documents} documents, {passages} passages{migration}."), vectors);
        }
        catch (SqliteException e)
        {
            return (DoctorCheck.Fail(Name, $"{path} cannot be read as a SQLite database ({e.Message}). Restore a backup (corpusbot restore FILE) or set Storage:DatabasePath."), none);
        }
    }

    /// <summary>Stored vectors against the configured embedding model.</summary>
    public static DoctorCheck Vectors(IReadOnlyDictionary<string, long> stored, string configuredModel)
    {
        const string Name = "stored vectors";
        if (stored.Count == 0)
        {
            return DoctorCheck.Pass(Name, "none stored yet.");
        }

        if (stored.TryGetValue(configuredModel, out var count) && stored.Count == 1)
        {
            return DoctorCheck.Pass(Name, $"{count} vectors, all of the configured model {configuredModel}.");
        }

        var found = string.Join(", ", stored.Select(kv => $"{kv.Key} ({kv.Value})"));
        return stored.ContainsKey(configuredModel)
            ? DoctorCheck.Pass(Name, $"{found}; searches use only {configuredModel}.")
            : DoctorCheck.Fail(Name, $"stored vectors are of {found}, but the configured model is {configuredModel}. Run `corpusbot reindex` (otherwise the bot re-embeds the corpus at its next start, before it answers).");
    }

    /// <summary>Null when a file can be created and deleted in <paramref name="folder"/>; otherwise the error.</summary>
    public static string? CanWrite(string folder)
    {
        var probe = Path.Combine(folder, $".corpusbot-doctor-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }
}

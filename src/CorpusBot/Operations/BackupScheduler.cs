using System.Globalization;
using CorpusBot.Core.Diagnostics;
using CorpusBot.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorpusBot.Operations;

/// <summary>
/// Scheduled online backups inside `corpusbot bot` (Backup:Directory, Interval, Keep). Each backup is
/// written beside its final name, integrity-checked and renamed (<see cref="DatabaseBackup"/>), then
/// the oldest beyond Keep are deleted. A failure is logged, counted and retried sooner; it never stops
/// the bot. The first backup is due one interval after the newest one already in the folder, so a
/// restarted bot neither skips nor repeats one.
/// </summary>
internal sealed partial class BackupScheduler(
    DatabaseBackup backup,
    BackupStatus status,
    CorpusBotMetrics metrics,
    ContentRoot root,
    IOptions<BackupOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<BackupScheduler> logger) : BackgroundService
{
    public const string FilePrefix = "corpusbot-";
    public const string FileExtension = ".db";

    /// <summary>After a failure the next attempt comes this soon (or after Interval, if shorter).</summary>
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(15);

    public string Folder => root.Resolve(options.Value.Directory ?? string.Empty);

    /// <summary>The finished backups in <paramref name="folder"/>, newest first (names sort by time).</summary>
    public static IReadOnlyList<string> List(string folder) =>
        !Directory.Exists(folder)
            ? []
            : [.. Directory.EnumerateFiles(folder, FilePrefix + "*" + FileExtension).Order(StringComparer.Ordinal).Reverse()];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        // Not while the bot is still migrating or seeding: the first copy should be of a ready database.
        await Task.Delay(Timeout.InfiniteTimeSpan, lifetime.ApplicationStarted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        LogScheduled(logger, Folder, settings.Interval, settings.Keep);
        var due = FirstDue(settings.Interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = due - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }

            var ok = await RunOnceAsync(stoppingToken);
            due = clock.GetUtcNow() + (ok ? settings.Interval : TimeSpan.FromTicks(Math.Min(settings.Interval.Ticks, RetryAfterFailure.Ticks)));
        }
    }

    /// <summary>One backup and rotation; false (logged and counted) when it failed.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var file = Path.Combine(Folder, FilePrefix + now.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + FileExtension);
        try
        {
            Directory.CreateDirectory(Folder);
            await backup.BackupAsync(file, cancellationToken);
            status.Succeeded(now);
            metrics.BackupFinished(ok: true);
            LogBackedUp(logger, file);
            Rotate();
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e)
        {
            // Never stops the bot: logged, counted, shown by /readyz after two in a row.
            status.Failed(e.Message);
            metrics.BackupFinished(ok: false);
            LogBackupFailed(logger, e, file);
            return false;
        }
    }

    private DateTimeOffset FirstDue(TimeSpan interval)
    {
        DeleteLeftovers();
        var backups = List(Folder);
        var newest = backups.Count == 0 ? null : backups[0];
        return newest is null ? clock.GetUtcNow() : new DateTimeOffset(File.GetLastWriteTimeUtc(newest), TimeSpan.Zero) + interval;
    }

    private void Rotate()
    {
        foreach (var old in List(Folder).Skip(options.Value.Keep))
        {
            try
            {
                File.Delete(old);
                LogRotated(logger, old);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogRotateFailed(logger, e, old);
            }
        }
    }

    /// <summary>A crash mid-backup leaves a hidden *.partial file; it is never a backup, so it goes.</summary>
    private void DeleteLeftovers()
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }

        foreach (var partial in Directory.EnumerateFiles(Folder, "." + FilePrefix + "*" + DatabaseBackup.PartialSuffix))
        {
            try
            {
                File.Delete(partial);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogRotateFailed(logger, e, partial);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled backups to {Folder} every {Interval}, keeping {Keep}.")]
    private static partial void LogScheduled(ILogger logger, string folder, TimeSpan interval, int keep);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backed up the database to {File} (integrity check: ok).")]
    private static partial void LogBackedUp(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled backup to {File} failed; the bot goes on and tries again.")]
    private static partial void LogBackupFailed(ILogger logger, Exception exception, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted old backup {File} (Backup:Keep).")]
    private static partial void LogRotated(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete {File}.")]
    private static partial void LogRotateFailed(ILogger logger, Exception exception, string file);
}

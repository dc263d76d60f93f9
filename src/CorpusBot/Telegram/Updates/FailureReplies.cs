using Microsoft.Data.Sqlite;
using Telegram.Bot.Exceptions;

namespace CorpusBot.Telegram.Updates;

/// <summary>
/// What a user is told when handling their message failed: short, without internals, and saying
/// whether trying again can help. The log has the details.
/// </summary>
internal static class FailureReplies
{
    /// <summary>SQLITE_BUSY, SQLITE_LOCKED: another writer held the database past the busy timeout.</summary>
    private static readonly int[] BusyCodes = [5, 6];

    /// <summary>SQLITE_FULL, SQLITE_IOERR, SQLITE_READONLY, SQLITE_CANTOPEN: the server's storage is in trouble.</summary>
    private static readonly int[] StorageCodes = [13, 10, 8, 14];

    public static string For(Exception exception) => exception switch
    {
        SqliteException e when BusyCodes.Contains(e.SqliteErrorCode) => BotTexts.FailedBusy,
        SqliteException e when StorageCodes.Contains(e.SqliteErrorCode) => BotTexts.FailedStorage,
        RequestException or HttpRequestException or TimeoutException => BotTexts.FailedUpstream,
        _ => BotTexts.Failed,
    };
}

namespace CorpusBot.Core.Feeds;

/// <summary>
/// Keeps two processes (the bot's poller and `corpusbot feeds poll`) from fetching the same feed at
/// once: an exclusive OS file lock on <c>DATABASE.feed-ID.lock</c> while a poll runs, released by the
/// kernel however the process ends. Within one process the poller's own guard decides first.
/// </summary>
public sealed class FeedPollLock : IDisposable
{
    private readonly FileStream stream;

    private FeedPollLock(FileStream stream) => this.stream = stream;

    public static string PathFor(string databasePath, long feedId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{databasePath}.feed-{feedId}.lock");

    /// <summary>The lock, or null while another process polls that feed.</summary>
    public static FeedPollLock? TryAcquire(string databasePath, long feedId)
    {
        try
        {
            // FileShare.None is an exclusive flock(2) on Unix and a share-mode lock on Windows.
            return new FeedPollLock(new FileStream(PathFor(databasePath, feedId), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>After an unfollow: the lock file is not needed any more (best effort; a poll holding it keeps its handle).</summary>
    public static void Delete(string databasePath, long feedId)
    {
        try
        {
            File.Delete(PathFor(databasePath, feedId));
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public void Dispose() => stream.Dispose();
}

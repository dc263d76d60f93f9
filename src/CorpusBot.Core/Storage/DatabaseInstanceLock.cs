namespace CorpusBot.Core.Storage;

/// <summary>
/// Marks a database as served by a running `corpusbot bot`: the bot holds an exclusive lock on
/// <c>DATABASE.lock</c> for its whole life (an OS file lock, released by the kernel when the process
/// ends, however it ends, so a crash never leaves a stale lock). `restore` takes the same lock and so
/// refuses while the bot runs, and a second bot on the same file refuses to start.
/// </summary>
public sealed class DatabaseInstanceLock : IDisposable
{
    private readonly FileStream stream;

    private DatabaseInstanceLock(FileStream stream, string path)
    {
        this.stream = stream;
        Path = path;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    public static string PathFor(string databasePath) => databasePath + ".lock";

    /// <summary>The lock, or null when another process (or another holder in this one) has it.</summary>
    public static DatabaseInstanceLock? TryAcquire(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var path = PathFor(databasePath);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        try
        {
            // FileShare.None is an exclusive flock(2) on Unix and a share-mode lock on Windows.
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            try
            {
                stream.SetLength(0);
                var pid = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n");
                stream.Write(pid);
                stream.Flush();
            }
            catch (IOException)
            {
                // The pid is only a hint for people; the lock is what counts.
            }

            return new DatabaseInstanceLock(stream, path);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>True while a running bot holds the lock of this database.</summary>
    public static bool IsHeld(string databasePath)
    {
        using var probe = TryAcquire(databasePath);
        return probe is null;
    }

    public void Dispose() => stream.Dispose();
}

namespace CorpusBot.Core.Storage;

/// <summary>The database file is damaged or not a SQLite database: one line naming the file, exit code 1.</summary>
public sealed class DatabaseUnusableException : CorpusBotException
{
    public DatabaseUnusableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DatabaseUnusableException(string message)
        : base(message)
    {
    }

    public DatabaseUnusableException()
    {
    }
}

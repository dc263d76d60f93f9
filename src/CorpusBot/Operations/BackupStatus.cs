namespace CorpusBot.Operations;

/// <summary>How the scheduled backups are going, for /readyz (not ready after <see cref="MissesBeforeUnready"/> failures in a row).</summary>
public sealed class BackupStatus
{
    public const int MissesBeforeUnready = 2;

    private readonly Lock gate = new();
    private int consecutiveFailures;
    private string? lastError;

    public DateTimeOffset? LastSuccess { get; private set; }

    public void Succeeded(DateTimeOffset at)
    {
        lock (gate)
        {
            consecutiveFailures = 0;
            lastError = null;
            LastSuccess = at;
        }
    }

    public void Failed(string error)
    {
        lock (gate)
        {
            consecutiveFailures++;
            lastError = error;
        }
    }

    /// <summary>Null while fewer than two backups in a row failed; otherwise the latest error.</summary>
    public string? Problem()
    {
        lock (gate)
        {
            return consecutiveFailures >= MissesBeforeUnready ? $"the last {consecutiveFailures} scheduled backups failed: {lastError}" : null;
        }
    }
}

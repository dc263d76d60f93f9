namespace CorpusBot.Telegram.Updates;

/// <summary>
/// The update being handled in this async flow, so that <see cref="Sending.BotSender"/> can mark it in
/// the journal just before its first visible reply. A crash after that point never sends the reply
/// twice: the update is not re-run at the next start.
/// </summary>
internal sealed class CurrentUpdate(UpdateJournal journal)
{
    private readonly AsyncLocal<Scope?> current = new();

    public IDisposable Begin(int updateId)
    {
        var scope = new Scope(updateId);
        current.Value = scope;
        return scope;
    }

    /// <summary>Marks the update as replying, once, before the first message the user can see.</summary>
    public async Task BeforeVisibleReplyAsync(CancellationToken cancellationToken)
    {
        if (current.Value is not { Marked: false, Ended: false } scope)
        {
            return;
        }

        scope.Marked = true;
        await journal.MarkAsync(scope.UpdateId, UpdateJournal.Replying, cancellationToken);
    }

    private sealed class Scope(int updateId) : IDisposable
    {
        public int UpdateId { get; } = updateId;

        public bool Marked { get; set; }

        public bool Ended { get; private set; }

        public void Dispose() => Ended = true;
    }
}

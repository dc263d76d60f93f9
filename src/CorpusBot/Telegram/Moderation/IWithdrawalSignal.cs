namespace CorpusBot.Telegram.Moderation;

/// <summary>
/// Tells whoever edits withdrawn answers in Telegram that the queue has work. The bot's
/// <see cref="WithdrawalWorker"/> when a token is configured; without one (`corpusbot console` alone)
/// nothing listens and the durable queue waits for the next run of the bot.
/// </summary>
internal interface IWithdrawalSignal
{
    void Wake();
}

internal sealed class WorkerWithdrawalSignal(WithdrawalWorker worker) : IWithdrawalSignal
{
    public void Wake() => worker.Wake();
}

internal sealed class NoBotWithdrawalSignal : IWithdrawalSignal
{
    public void Wake()
    {
    }
}

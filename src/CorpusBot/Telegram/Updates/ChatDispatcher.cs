using Microsoft.Extensions.Options;

namespace CorpusBot.Telegram.Updates;

/// <summary>
/// Runs work concurrently across chats and in order within a chat: each chat has a chain of tasks,
/// and at most <see cref="TelegramOptions.MaxConcurrentChats"/> run at once. Work never throws into
/// the chain (the caller catches), so one chat's failure cannot stall another's.
/// </summary>
internal sealed class ChatDispatcher(IOptions<TelegramOptions> options) : IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, Task> tails = [];
    private readonly SemaphoreSlim slots = new(options.Value.MaxConcurrentChats, options.Value.MaxConcurrentChats);
    private readonly CancellationTokenSource abort = new();

    /// <summary>Cancelled only when shutdown gives up waiting: handlers finish their work otherwise.</summary>
    public CancellationToken HandlerToken => abort.Token;

    public int InFlight
    {
        get
        {
            lock (gate)
            {
                return tails.Count;
            }
        }
    }

    public void Enqueue(long chatKey, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (gate)
        {
            var previous = tails.GetValueOrDefault(chatKey) ?? Task.CompletedTask;
            var next = Task.Run(() => RunAfterAsync(previous, work));
            tails[chatKey] = next;
            _ = next.ContinueWith(
                done =>
                {
                    lock (gate)
                    {
                        if (tails.TryGetValue(chatKey, out var tail) && tail == done)
                        {
                            tails.Remove(chatKey);
                        }
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    /// <summary>Completes when every queued piece of work has finished.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task[] pending;
            lock (gate)
            {
                pending = [.. tails.Values];
            }

            if (pending.Length == 0)
            {
                return;
            }

            await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Cancels the handlers still running: the shutdown grace period is over.</summary>
    public Task AbortAsync() => abort.CancelAsync();

    public void Dispose()
    {
        abort.Dispose();
        slots.Dispose();
    }

    private async Task RunAfterAsync(Task previous, Func<CancellationToken, Task> work)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await slots.WaitAsync(CancellationToken.None);
        try
        {
            await work(abort.Token);
        }
        finally
        {
            slots.Release();
        }
    }
}

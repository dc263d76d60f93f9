using Microsoft.Extensions.Options;

namespace CorpusBot.Telegram.Updates;

/// <summary>
/// Runs work concurrently across chats and in order within a chat: each chat has a chain of tasks,
/// and at most <see cref="TelegramOptions.MaxConcurrentChats"/> run at once (<see cref="HandlerSlots"/>).
/// Each chat's queue is bounded (<see cref="TelegramOptions.MaxQueuedPerChat"/>, never below
/// QuestionsPerMinute): a flooded chat cannot grow memory or delay others. Work never throws into
/// the chain (the caller catches), so one chat's failure cannot stall another's.
/// </summary>
internal sealed class ChatDispatcher(IOptions<TelegramOptions> options, HandlerSlots slots) : IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, Task> tails = [];
    private readonly Dictionary<long, int> queued = [];
    private readonly int maxQueued = Math.Max(options.Value.MaxQueuedPerChat, options.Value.QuestionsPerMinute);
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

    /// <summary>Queues the work behind the chat's earlier work; false (nothing queued) when the chat's queue is full.</summary>
    public bool TryEnqueue(long chatKey, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (gate)
        {
            var waiting = queued.GetValueOrDefault(chatKey);
            if (waiting >= maxQueued)
            {
                return false;
            }

            queued[chatKey] = waiting + 1;
            var previous = tails.GetValueOrDefault(chatKey) ?? Task.CompletedTask;
            var next = Task.Run(() => RunAfterAsync(previous, work));
            tails[chatKey] = next;
            _ = next.ContinueWith(
                done =>
                {
                    lock (gate)
                    {
                        if (--queued[chatKey] == 0)
                        {
                            queued.Remove(chatKey);
                        }

                        if (tails.TryGetValue(chatKey, out var tail) && tail == done)
                        {
                            tails.Remove(chatKey);
                        }
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return true;
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

    public void Dispose() => abort.Dispose();

    private async Task RunAfterAsync(Task previous, Func<CancellationToken, Task> work)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await slots.RunAsync(() => work(abort.Token));
    }
}

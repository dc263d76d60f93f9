using Microsoft.Extensions.Options;

namespace CorpusBot.Telegram.Updates;

/// <summary>
/// The <see cref="TelegramOptions.MaxConcurrentChats"/> handler slots. A handler gives its slot back
/// while it only waits (for the outbound pacer, minutes in a busy group) and takes one again after, so
/// a chat that is being paced never keeps other chats waiting.
/// </summary>
internal sealed class HandlerSlots(IOptions<TelegramOptions> options) : IDisposable
{
    private readonly SemaphoreSlim slots = new(options.Value.MaxConcurrentChats, options.Value.MaxConcurrentChats);
    private readonly AsyncLocal<Lease?> held = new();

    /// <summary>Runs <paramref name="work"/> holding a slot.</summary>
    public async Task RunAsync(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await slots.WaitAsync(CancellationToken.None);
        var lease = new Lease();
        held.Value = lease;
        try
        {
            await work();
        }
        finally
        {
            if (lease.Holding)
            {
                slots.Release();
            }
        }
    }

    /// <summary>Waits <paramref name="delay"/> without holding a slot, when this flow holds one.</summary>
    public async Task WaitOutsideAsync(TimeSpan delay, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        if (held.Value is not { Holding: true } lease)
        {
            await Task.Delay(delay, clock, cancellationToken);
            return;
        }

        lease.Holding = false;
        slots.Release();
        try
        {
            await Task.Delay(delay, clock, cancellationToken);
        }
        finally
        {
            await slots.WaitAsync(CancellationToken.None);
            lease.Holding = true;
        }
    }

    public void Dispose() => slots.Dispose();

    private sealed class Lease
    {
        public bool Holding { get; set; } = true;
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using CorpusBot.Telegram.Updates;
using Telegram.Bot.Exceptions;

namespace CorpusBot.Telegram.Sending;

/// <summary>
/// Paces everything the bot sends: at most one message per <see cref="TelegramOptions.ChatIntervalMs"/>
/// to a chat, <see cref="TelegramOptions.GroupMessagesPerMinute"/> to a group (sliding minute) and
/// <see cref="TelegramOptions.GlobalMessagesPerSecond"/> overall. A 429 is waited out for at least its
/// retry_after and the send is tried again, so no reply is lost under flood control. (Telegram.Bot
/// retries short 429s itself; this layer carries the reply past its threshold and retry count.)
/// While it waits, the handler's slot is given back (<see cref="HandlerSlots"/>): other chats go on.
/// </summary>
internal sealed class OutboundPacer(IOptions<TelegramOptions> options, TimeProvider clock, HandlerSlots slots, ILogger<OutboundPacer> logger)
{
    /// <summary>Attempts per send before giving up; each waits out Telegram's retry_after.</summary>
    public const int MaxAttempts = 12;

    private static readonly TimeSpan GroupWindow = TimeSpan.FromMinutes(1);
    private readonly Lock gate = new();
    private readonly Dictionary<long, DateTimeOffset> chatNext = [];
    private readonly Dictionary<long, Queue<DateTimeOffset>> groupSends = [];
    private DateTimeOffset globalNext = DateTimeOffset.MinValue;

    public async Task<T> SendAsync<T>(long chatId, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        for (var attempt = 1; ; attempt++)
        {
            await WaitAsync(ReserveChatSlot(chatId), cancellationToken);
            await WaitAsync(ReserveGlobalSlot(), cancellationToken);
            try
            {
                return await send(cancellationToken);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429 && attempt < MaxAttempts)
            {
                var retryAfter = TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1));
                TelegramLog.FloodControl(logger, chatId, (int)retryAfter.TotalSeconds, attempt);
                Defer(chatId, retryAfter);
            }
        }
    }

    /// <summary>Reserves the chat's next slot (and a slot in the group's minute); returns how long to wait for it.</summary>
    internal TimeSpan ReserveChatSlot(long chatId)
    {
        var now = clock.GetUtcNow();
        var interval = TimeSpan.FromMilliseconds(options.Value.ChatIntervalMs);
        lock (gate)
        {
            var at = chatNext.TryGetValue(chatId, out var next) && next > now ? next : now;
            if (chatId < 0)
            {
                // Groups, supergroups and channels have negative ids. Reservations per chat only grow,
                // so the queue is sorted and the oldest entry decides when the window has room.
                if (!groupSends.TryGetValue(chatId, out var sends))
                {
                    groupSends[chatId] = sends = new Queue<DateTimeOffset>();
                }

                while (sends.Count > 0 && sends.Peek() <= at - GroupWindow)
                {
                    sends.Dequeue();
                }

                if (sends.Count >= options.Value.GroupMessagesPerMinute)
                {
                    at = sends.Dequeue() + GroupWindow;
                }

                sends.Enqueue(at);
            }

            chatNext[chatId] = at + interval;
            Prune(now);
            return at - now;
        }
    }

    private TimeSpan ReserveGlobalSlot()
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            var at = globalNext > now ? globalNext : now;
            globalNext = at + TimeSpan.FromSeconds(1.0 / options.Value.GlobalMessagesPerSecond);
            return at - now;
        }
    }

    private void Defer(long chatId, TimeSpan retryAfter)
    {
        var until = clock.GetUtcNow() + retryAfter;
        lock (gate)
        {
            if (!chatNext.TryGetValue(chatId, out var next) || next < until)
            {
                chatNext[chatId] = until;
            }
        }
    }

    private void Prune(DateTimeOffset now)
    {
        if (chatNext.Count < 10_000)
        {
            return;
        }

        foreach (var stale in chatNext.Where(p => p.Value < now - GroupWindow).Select(p => p.Key).ToList())
        {
            chatNext.Remove(stale);
            groupSends.Remove(stale);
        }
    }

    private Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        slots.WaitOutsideAsync(delay, clock, cancellationToken);
}

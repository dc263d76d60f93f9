using Microsoft.Extensions.Options;

namespace CorpusBot.Telegram.Commands;

/// <summary>
/// Per-user sliding minute of messages to the bot (<see cref="TelegramOptions.QuestionsPerMinute"/>):
/// questions and every command count, so one account cannot run up work or replies. The first message
/// over the limit is answered with "slow down"; the rest of that minute are dropped without a reply,
/// since a reply per flooded message would itself be the flood.
/// </summary>
internal sealed class RateLimiter(IOptions<TelegramOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Lock gate = new();
    private readonly Dictionary<long, UserWindow> recent = [];

    public RateDecision Check(long userId)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            if (!recent.TryGetValue(userId, out var user))
            {
                if (recent.Count > 10_000)
                {
                    Prune(now);
                }

                recent[userId] = user = new UserWindow();
            }

            while (user.Sent.Count > 0 && user.Sent.Peek() <= now - Window)
            {
                user.Sent.Dequeue();
            }

            if (user.Sent.Count < options.Value.QuestionsPerMinute)
            {
                user.Sent.Enqueue(now);
                user.Warned = false;
                return RateDecision.Allowed;
            }

            if (user.Warned)
            {
                return RateDecision.Drop;
            }

            user.Warned = true;
            return RateDecision.Warn;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var idle in recent.Where(p => p.Value.Sent.Count == 0 || p.Value.Sent.Last() <= now - Window).Select(p => p.Key).ToList())
        {
            recent.Remove(idle);
        }
    }

    private sealed class UserWindow
    {
        public Queue<DateTimeOffset> Sent { get; } = new();

        public bool Warned { get; set; }
    }
}

/// <summary>What to do with a user's next message.</summary>
internal enum RateDecision
{
    Allowed,

    /// <summary>Over the limit for the first time this minute: say "slow down".</summary>
    Warn,

    /// <summary>Over the limit again: ignore silently.</summary>
    Drop,
}

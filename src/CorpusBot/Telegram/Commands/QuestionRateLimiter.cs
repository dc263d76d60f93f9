using Microsoft.Extensions.Options;

namespace CorpusBot.Telegram.Commands;

/// <summary>Per-user sliding minute of questions (<see cref="TelegramOptions.QuestionsPerMinute"/>), so one user cannot run up the answerer's work.</summary>
internal sealed class QuestionRateLimiter(IOptions<TelegramOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Lock gate = new();
    private readonly Dictionary<long, Queue<DateTimeOffset>> recent = [];

    public bool TryAcquire(long userId)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            if (!recent.TryGetValue(userId, out var asked))
            {
                if (recent.Count > 10_000)
                {
                    Prune(now);
                }

                recent[userId] = asked = new Queue<DateTimeOffset>();
            }

            while (asked.Count > 0 && asked.Peek() <= now - Window)
            {
                asked.Dequeue();
            }

            if (asked.Count >= options.Value.QuestionsPerMinute)
            {
                return false;
            }

            asked.Enqueue(now);
            return true;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var idle in recent.Where(p => p.Value.Count == 0 || p.Value.Last() <= now - Window).Select(p => p.Key).ToList())
        {
            recent.Remove(idle);
        }
    }
}

namespace CorpusBot.Operations;

/// <summary>
/// What the bot last heard from the Bot API, for /readyz: when a call last succeeded and when one
/// last failed in a way that means Telegram is unreachable or refuses us (network error, 5xx, 401, 404).
/// Per-message refusals (400, 403, 429) say nothing about the connection and are not counted here.
/// </summary>
public sealed class TelegramActivity(TimeProvider clock)
{
    private readonly Lock gate = new();
    private DateTimeOffset? lastSuccess;
    private (DateTimeOffset At, string Method, string Problem)? lastFailure;

    public void Succeeded()
    {
        lock (gate)
        {
            lastSuccess = clock.GetUtcNow();
        }
    }

    public void Failed(string method, string problem)
    {
        lock (gate)
        {
            lastFailure = (clock.GetUtcNow(), method, problem);
        }
    }

    /// <summary>Null when healthy; otherwise why not. <paramref name="staleAfter"/> null: no call for a long time is fine (webhook mode).</summary>
    public string? Problem(TimeSpan? staleAfter)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (lastFailure is { } f && (lastSuccess is null || f.At >= lastSuccess))
            {
                return $"the last Bot API call ({f.Method}) failed {Ago(now - f.At)}: {f.Problem}";
            }

            if (lastSuccess is null)
            {
                return "no Bot API call has succeeded yet";
            }

            return staleAfter is { } limit && now - lastSuccess > limit
                ? $"no Bot API call has succeeded for {Ago(now - lastSuccess.Value)} (Hosting:TelegramStaleAfter is {limit})"
                : null;
        }
    }

    private static string Ago(TimeSpan span) => span.TotalSeconds < 120 ? $"{(int)span.TotalSeconds} s ago" : $"{(int)span.TotalMinutes} min ago";
}

using CorpusBot.Telegram.Updates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace CorpusBot.Telegram.Hosting;

/// <summary>
/// Polling mode: long-polls getUpdates and records each update before acknowledging it (the next
/// offset). Errors back off exponentially (with jitter) up to a minute instead of spinning.
/// </summary>
internal sealed class PollingLoop(
    ITelegramBotClient bot,
    UpdateIntake intake,
    IOptions<TelegramOptions> options,
    TokenRedactor redactor,
    TimeProvider clock,
    ILogger<PollingLoop> logger)
{
    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.EditedMessage, UpdateType.CallbackQuery];

    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        int? offset = null;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var updates = await bot.GetUpdates(offset, 100, options.Value.PollingTimeoutSeconds, AllowedUpdates, cancellationToken);
                if (updates.Length > 0)
                {
                    // Not acknowledged (offset unchanged) unless recorded: a failed write means Telegram sends them again.
                    await intake.AcceptAsync(updates, cancellationToken);
                    offset = updates[^1].Id + 1;
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                var delay = Backoff(failures);
                TelegramLog.PollingFailed(logger, redactor.Redact(e), failures, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    internal TimeSpan Backoff(int failures)
    {
        var baseMs = options.Value.PollingRetryBaseMs;
        var ms = Math.Min(MaxDelay.TotalMilliseconds, baseMs * Math.Pow(2, Math.Min(failures - 1, 20)));
        return TimeSpan.FromMilliseconds(ms * (0.9 + (Random.Shared.NextDouble() * 0.2)));
    }
}

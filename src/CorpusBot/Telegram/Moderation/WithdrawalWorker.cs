using CorpusBot.Core.Answering;
using CorpusBot.Telegram.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;

namespace CorpusBot.Telegram.Moderation;

/// <summary>
/// Works through the <see cref="WithdrawalQueue"/> while the bot runs: replaces each rejected answer's
/// message with the withdrawal notice and re-renders each review card of a decided answer with the
/// decision and without buttons, retrying failures with back-off (doubling from
/// <see cref="TelegramOptions.WithdrawalRetryBaseMs"/>, at most an hour apart) until done. At start it
/// retries everything left by the last run. A message that can no longer be edited (deleted, bot
/// blocked) is given up with a warning: nothing more can be done for it.
/// </summary>
internal sealed class WithdrawalWorker(
    WithdrawalQueue queue,
    ModerationStore moderation,
    QuoteVerifier verifier,
    BotSender sender,
    IOptions<TelegramOptions> options,
    TokenRedactor redactor,
    TimeProvider clock,
    ILogger<WithdrawalWorker> logger)
{
    private const int BatchSize = 100;
    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);
    private TaskCompletionSource signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Something was queued: look now rather than at the next due time.</summary>
    public void Wake() => Volatile.Read(ref signal).TrySetResult();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var startup = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            var woken = Volatile.Read(ref signal);
            try
            {
                await DrainAsync(ignoreSchedule: startup, cancellationToken);
                startup = false;
                await WaitAsync(woken, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database is busy or gone for a moment: the queue is durable, try again shortly.
                TelegramLog.WithdrawalDeferred(logger, 0, 0, 0, e.GetType().Name, options.Value.WithdrawalRetryBaseMs);
                await Task.Delay(TimeSpan.FromMilliseconds(options.Value.WithdrawalRetryBaseMs), clock, cancellationToken)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (woken.Task.IsCompleted)
            {
                Interlocked.CompareExchange(ref signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), woken);
            }
        }
    }

    private async Task DrainAsync(bool ignoreSchedule, CancellationToken cancellationToken)
    {
        while (true)
        {
            var due = await queue.DueAsync(ignoreSchedule, BatchSize, cancellationToken);
            foreach (var withdrawal in due)
            {
                await WithdrawAsync(withdrawal, cancellationToken);
            }

            // At start every row is taken once, whatever its schedule; after that only due rows.
            if (ignoreSchedule || due.Count < BatchSize)
            {
                return;
            }
        }
    }

    private async Task WithdrawAsync(Withdrawal withdrawal, CancellationToken cancellationToken)
    {
        try
        {
            // No buttons on either: a withdrawn answer takes no feedback, a decided card no second decision.
            if (await NewTextAsync(withdrawal, cancellationToken) is { } html)
            {
                await sender.EditHtmlAsync(withdrawal.ChatId, withdrawal.MessageId, html, null, cancellationToken);
            }

            await queue.RemoveAsync(withdrawal, cancellationToken);
        }
        catch (ApiRequestException e) when (IsImpossible(e))
        {
            TelegramLog.WithdrawalImpossible(logger, withdrawal.ChatId, withdrawal.MessageId, redactor.Redact(e.Message));
            await queue.RemoveAsync(withdrawal, cancellationToken);
        }
        catch (Exception e) when (e is RequestException or HttpRequestException)
        {
            var delay = Backoff(withdrawal.Attempts + 1);
            TelegramLog.WithdrawalDeferred(logger, withdrawal.ChatId, withdrawal.MessageId, withdrawal.Attempts + 1, e.GetType().Name, (long)delay.TotalMilliseconds);
            await queue.DeferAsync(withdrawal, clock.GetUtcNow() + delay, e.GetType().Name, cancellationToken);
        }
    }

    /// <summary>What the message becomes; null when there is nothing left to show (the answer was deleted).</summary>
    private async Task<string?> NewTextAsync(Withdrawal withdrawal, CancellationToken cancellationToken)
    {
        if (withdrawal.Kind != Withdrawal.Card)
        {
            return Html.Escape(BotTexts.Withdrawn);
        }

        if (await moderation.GetAsync(withdrawal.AnswerId, cancellationToken) is not { } item)
        {
            return null;
        }

        var verified = await ReviewCard.VerifyAsync(item, verifier, cancellationToken);
        return ReviewCard.Render(item, verified, BotTexts.Decided(item.ReviewStatus, item.ReviewedBy));
    }

    private async Task WaitAsync(TaskCompletionSource woken, CancellationToken cancellationToken)
    {
        var next = await queue.NextDueAsync(cancellationToken);
        var wait = next is { } due ? due - clock.GetUtcNow() : MaxDelay;
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(wait < MaxDelay ? wait : MaxDelay, clock, stop.Token);
        await Task.WhenAny(woken.Task, timer);
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Errors retrying cannot mend: the message is gone or the bot may not touch the chat any more.</summary>
    private static bool IsImpossible(ApiRequestException e) =>
        e.ErrorCode == 403
        || (e.ErrorCode == 400 && (e.Message.Contains("not found", StringComparison.OrdinalIgnoreCase)
            || e.Message.Contains("can't be edited", StringComparison.OrdinalIgnoreCase)
            || e.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase)
            || e.Message.Contains("MESSAGE_ID_INVALID", StringComparison.Ordinal)));

    internal TimeSpan Backoff(int attempt)
    {
        var ms = options.Value.WithdrawalRetryBaseMs * Math.Pow(2, Math.Min(attempt - 1, 20));
        return TimeSpan.FromMilliseconds(Math.Min(ms, MaxDelay.TotalMilliseconds));
    }
}

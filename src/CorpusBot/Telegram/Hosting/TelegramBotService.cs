using CorpusBot.Core.Hosting;
using CorpusBot.Telegram.Moderation;
using CorpusBot.Telegram.Updates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace CorpusBot.Telegram.Hosting;

/// <summary>
/// The bot's lifetime. Start: check the settings, bring the database up, learn who the bot is,
/// re-handle updates the last run left unfinished (not those whose reply had started), start the
/// withdrawal worker and the journal pruning, then take updates by polling or webhook.
/// Stop (SIGTERM, Ctrl-C): stop taking updates, let the in-flight answers finish within the host's
/// shutdown timeout, then cancel what is left (left "received", handled again next start).
/// </summary>
internal sealed class TelegramBotService(
    IOptions<TelegramOptions> options,
    ITelegramBotClient bot,
    BotIdentity identity,
    CorpusInitializer initializer,
    UpdateJournal journal,
    UpdateIntake intake,
    ChatDispatcher dispatcher,
    PollingLoop polling,
    WebhookServer webhook,
    WithdrawalWorker withdrawals,
    TimeProvider clock,
    ILogger<TelegramBotService> logger) : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);
    private readonly CancellationTokenSource stopIntake = new();
    private Task? pollingTask;
    private Task? withdrawalTask;
    private Task? pruneTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        settings.EnsureReadyToRun();

        // As for `ask`: migrate, ingest the seeds into an empty database, load the vectors.
        await initializer.InitializeAsync(seedIfEmpty: true, cancellationToken);

        var me = await bot.GetMe(cancellationToken);
        identity.Set(me.Id, me.Username);

        if (settings.Mode == TelegramMode.Webhook)
        {
            await webhook.StartAsync(cancellationToken);
            await bot.SetWebhook(
                settings.WebhookUrl!,
                allowedUpdates: PollingLoop.AllowedUpdates,
                secretToken: settings.SecretToken,
                cancellationToken: cancellationToken);
        }
        else
        {
            // getUpdates fails while a webhook is set; pending updates are kept.
            await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken);
        }

        var interrupted = await journal.CloseInterruptedAsync(cancellationToken);
        if (interrupted > 0)
        {
            TelegramLog.Interrupted(logger, interrupted);
        }

        var pending = await journal.PendingAsync(cancellationToken);
        if (pending.Count > 0)
        {
            TelegramLog.Recovering(logger, pending.Count);
            foreach (var update in pending)
            {
                await intake.DispatchAsync(update);
            }
        }

        withdrawalTask = Task.Run(() => withdrawals.RunAsync(stopIntake.Token), CancellationToken.None);
        pruneTask = Task.Run(() => PruneJournalAsync(stopIntake.Token), CancellationToken.None);

        if (settings.Mode == TelegramMode.Polling)
        {
            pollingTask = Task.Run(() => polling.RunAsync(stopIntake.Token), CancellationToken.None);
        }

        TelegramLog.Started(logger, identity.Username, settings.Mode);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopIntake.CancelAsync();
        if (pollingTask is not null)
        {
            await pollingTask.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await webhook.StopAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var background in new[] { withdrawalTask, pruneTask }.OfType<Task>())
        {
            await background.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        TelegramLog.Stopping(logger, dispatcher.InFlight);
        try
        {
            await dispatcher.DrainAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await dispatcher.AbortAsync();
            await dispatcher.DrainAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Deletes journal rows older than Telegram:JournalDays, at start and every hour.</summary>
    private async Task PruneJournalAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var pruned = await journal.PruneAsync(cancellationToken);
                if (pruned > 0)
                {
                    TelegramLog.JournalPruned(logger, pruned, options.Value.JournalDays);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                TelegramLog.JournalPruneFailed(logger, e);
            }

            await Task.Delay(PruneInterval, clock, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public async ValueTask DisposeAsync()
    {
        stopIntake.Dispose();
        await webhook.DisposeAsync();
    }
}

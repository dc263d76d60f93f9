using CorpusBot.Telegram.Sending;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace CorpusBot.Telegram.Updates;

/// <summary>
/// Where updates enter, from polling or the webhook: recorded in the journal first (a duplicate
/// update_id stops here), then handed to the chat's queue (a full queue drops it, logged). A handler
/// that throws is logged, the update marked failed and the user told it failed (best effort); intake
/// goes on.
/// </summary>
internal sealed class UpdateIntake(
    UpdateJournal journal,
    ChatDispatcher dispatcher,
    UpdateRouter router,
    CurrentUpdate currentUpdate,
    BotSender sender,
    TokenRedactor redactor,
    ILogger<UpdateIntake> logger)
{
    /// <summary>Returns once the update is durably recorded (or known to be a duplicate); handling continues in the background.</summary>
    public async Task AcceptAsync(Update update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        await AcceptAsync([update], cancellationToken);
    }

    /// <summary>A batch (one getUpdates answer): recorded in one transaction, then queued in order.</summary>
    public async Task AcceptAsync(IReadOnlyList<Update> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var fresh = await journal.TryRecordAsync(updates, cancellationToken);
        foreach (var duplicate in updates.Except(fresh))
        {
            TelegramLog.DuplicateUpdate(logger, duplicate.Id);
        }

        foreach (var update in fresh)
        {
            await DispatchAsync(update);
        }
    }

    /// <summary>Queues an already recorded update for handling; a chat whose queue is full loses it (marked dropped).</summary>
    public async Task DispatchAsync(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var chat = ChatKeyOf(update);
        if (dispatcher.TryEnqueue(chat, ct => HandleAsync(update, ct)))
        {
            return;
        }

        TelegramLog.QueueFull(logger, update.Id, chat);
        try
        {
            await journal.MarkAsync(update.Id, UpdateJournal.Dropped, CancellationToken.None);
        }
        catch (Exception e)
        {
            TelegramLog.RecordFailed(logger, redactor.Redact(e), update.Id);
        }
    }

    internal static long ChatKeyOf(Update update) => update switch
    {
        { Message: { } m } => m.Chat.Id,
        { EditedMessage: { } m } => m.Chat.Id,
        { CallbackQuery: { Message: { } m } } => m.Chat.Id,
        { CallbackQuery: { } q } => q.From.Id,
        _ => 0,
    };

    private async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        string status;
        using (currentUpdate.Begin(update.Id))
        {
            try
            {
                await router.HandleAsync(update, cancellationToken);
                status = UpdateJournal.Handled;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutdown gave up waiting: left as it is ("received" is handled again at the next start).
                return;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429)
            {
                // Flood control outlasted every retry: Telegram's limit, not our bug.
                TelegramLog.HandlerFloodLimited(logger, update.Id, e.Parameters?.RetryAfter ?? 0);
                status = UpdateJournal.Failed;
            }
            catch (Exception e)
            {
                TelegramLog.HandlerFailed(logger, redactor.Redact(e), update.Id);
                status = UpdateJournal.Failed;
                await TellUserAsync(update, e);
            }
        }

        try
        {
            await journal.MarkAsync(update.Id, status, CancellationToken.None);
        }
        catch (Exception e)
        {
            TelegramLog.HandlerFailed(logger, redactor.Redact(e), update.Id);
        }
    }

    /// <summary>
    /// A message whose handling failed gets a short reply saying so and whether to retry. Button
    /// presses are answered by <see cref="Moderation.ButtonHandler"/> itself. Best effort: when Telegram
    /// is what failed, this may fail too, and that is only logged.
    /// </summary>
    private async Task TellUserAsync(Update update, Exception failure)
    {
        if (update.Message is not { } message)
        {
            return;
        }

        try
        {
            await sender.SendTextAsync(message.Chat.Id, FailureReplies.For(failure), null, message.Id, dispatcher.HandlerToken);
        }
        catch (Exception e)
        {
            TelegramLog.FailureReplyFailed(logger, e.GetType().Name, update.Id);
        }
    }
}

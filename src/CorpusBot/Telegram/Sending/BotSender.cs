using CorpusBot.Telegram.Updates;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace CorpusBot.Telegram.Sending;

/// <summary>
/// Everything the bot says goes through here: paced by <see cref="OutboundPacer"/>, HTML resent as
/// plain text when Telegram rejects the entities, and chat actions and callback answers best-effort.
/// Before the first message or edit for an update, the update is marked in the journal
/// (<see cref="CurrentUpdate"/>): after a crash it is not re-run, so no reply is sent twice.
/// </summary>
internal sealed class BotSender(ITelegramBotClient bot, OutboundPacer pacer, CurrentUpdate currentUpdate, TimeProvider clock, ILogger<BotSender> logger)
{
    private static readonly TimeSpan TypingRefresh = TimeSpan.FromSeconds(4);
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    public async Task<Message> SendHtmlAsync(long chatId, string html, InlineKeyboardMarkup? buttons, int? replyTo, CancellationToken cancellationToken)
    {
        await currentUpdate.BeforeVisibleReplyAsync(cancellationToken);
        try
        {
            return await pacer.SendAsync(
                chatId,
                ct => bot.SendMessage(chatId, html, ParseMode.Html, Reply(replyTo), buttons, NoPreview, cancellationToken: ct),
                cancellationToken);
        }
        catch (ApiRequestException e) when (IsEntityError(e))
        {
            TelegramLog.EntitiesRejected(logger, chatId);
            return await SendTextAsync(chatId, Html.ToPlainText(html), buttons, replyTo, cancellationToken);
        }
    }

    public async Task<Message> SendTextAsync(long chatId, string text, InlineKeyboardMarkup? buttons, int? replyTo, CancellationToken cancellationToken)
    {
        await currentUpdate.BeforeVisibleReplyAsync(cancellationToken);
        return await pacer.SendAsync(
            chatId,
            ct => bot.SendMessage(chatId, text, ParseMode.None, Reply(replyTo), buttons, NoPreview, cancellationToken: ct),
            cancellationToken);
    }

    /// <summary>Replaces a message's text (and buttons). "Message is not modified" counts as done.</summary>
    public async Task EditHtmlAsync(long chatId, int messageId, string html, InlineKeyboardMarkup? buttons, CancellationToken cancellationToken)
    {
        await currentUpdate.BeforeVisibleReplyAsync(cancellationToken);
        try
        {
            await pacer.SendAsync(
                chatId,
                ct => bot.EditMessageText(chatId, messageId, html, ParseMode.Html, buttons, NoPreview, cancellationToken: ct),
                cancellationToken);
        }
        catch (ApiRequestException e) when (IsEntityError(e))
        {
            TelegramLog.EntitiesRejected(logger, chatId);
            await pacer.SendAsync(
                chatId,
                ct => bot.EditMessageText(chatId, messageId, Html.ToPlainText(html), ParseMode.None, buttons, NoPreview, cancellationToken: ct),
                cancellationToken);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase))
        {
            // Already says this: nothing to do.
        }
    }

    /// <summary>Shows "typing…" for a few seconds. Cosmetic: failures are logged and ignored.</summary>
    public async Task TypingAsync(long chatId, CancellationToken cancellationToken)
    {
        try
        {
            await bot.SendChatAction(chatId, ChatAction.Typing, cancellationToken: cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The answer is ready.
        }
        catch (Exception e) when (e is RequestException or HttpRequestException)
        {
            TelegramLog.ChatActionFailed(logger, chatId, e.GetType().Name);
        }
    }

    /// <summary>Shows "typing…" at once, then repeats it every few seconds until <paramref name="cancellationToken"/> is cancelled. Never throws.</summary>
    public async Task KeepTypingAsync(long chatId, CancellationToken cancellationToken)
    {
        await TypingAsync(chatId, CancellationToken.None);
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TypingRefresh, clock, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await TypingAsync(chatId, cancellationToken);
        }
    }

    /// <summary>Every button press is answered, or the user's client shows a spinner until it times out.</summary>
    public async Task AnswerButtonAsync(string callbackQueryId, string? text, CancellationToken cancellationToken)
    {
        try
        {
            await bot.AnswerCallbackQuery(callbackQueryId, text, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is RequestException or HttpRequestException)
        {
            TelegramLog.CallbackAnswerFailed(logger, e.GetType().Name);
        }
    }

    internal static bool IsEntityError(ApiRequestException e) =>
        e.ErrorCode == 400 && e.Message.Contains("can't parse entities", StringComparison.OrdinalIgnoreCase);

    private static ReplyParameters? Reply(int? messageId) =>
        messageId is { } id ? new ReplyParameters { MessageId = id, AllowSendingWithoutReply = true } : null;
}

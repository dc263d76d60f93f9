using Microsoft.Extensions.Logging;

namespace CorpusBot.Telegram;

/// <summary>
/// The bot's log messages, with stable event ids (4xxx). Ids, counts and timings only: never user
/// text, answers or the token. Exceptions pass through <see cref="TokenRedactor"/> first.
/// </summary>
internal static partial class TelegramLog
{
    [LoggerMessage(4001, LogLevel.Information, "Telegram bot @{Username} started in {Mode} mode")]
    public static partial void Started(ILogger logger, string username, TelegramMode mode);

    [LoggerMessage(4002, LogLevel.Information, "Telegram bot stopping; waiting for {InFlight} chats to finish")]
    public static partial void Stopping(ILogger logger, int inFlight);

    [LoggerMessage(4003, LogLevel.Information, "Re-handling {Count} updates left unfinished by the last run")]
    public static partial void Recovering(ILogger logger, int count);

    [LoggerMessage(4010, LogLevel.Warning, "Polling failed ({Failures} in a row); retrying in {DelayMs} ms")]
    public static partial void PollingFailed(ILogger logger, Exception exception, int failures, long delayMs);

    [LoggerMessage(4011, LogLevel.Debug, "Update {UpdateId} was already recorded; ignored")]
    public static partial void DuplicateUpdate(ILogger logger, int updateId);

    [LoggerMessage(4012, LogLevel.Error, "Handling update {UpdateId} failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, int updateId);

    [LoggerMessage(4014, LogLevel.Warning, "Telling the user that update {UpdateId} failed did not work either: {ErrorType}")]
    public static partial void FailureReplyFailed(ILogger logger, string errorType, int updateId);

    [LoggerMessage(4015, LogLevel.Warning, "Update {UpdateId} not answered: Telegram's flood control (retry after {RetryAfterSeconds} s) outlasted every retry")]
    public static partial void HandlerFloodLimited(ILogger logger, int updateId, int retryAfterSeconds);

    [LoggerMessage(4016, LogLevel.Warning, "Update {UpdateId} dropped: the queue of chat {ChatId} is full")]
    public static partial void QueueFull(ILogger logger, int updateId, long chatId);

    [LoggerMessage(4017, LogLevel.Warning, "{Count} updates were stopped after their reply had started; not repeated")]
    public static partial void Interrupted(ILogger logger, int count);

    [LoggerMessage(4018, LogLevel.Information, "Update journal: {Count} rows older than {Days} days deleted")]
    public static partial void JournalPruned(ILogger logger, int count, int days);

    [LoggerMessage(4019, LogLevel.Warning, "Pruning the update journal failed; trying again in an hour")]
    public static partial void JournalPruneFailed(ILogger logger, Exception exception);

    [LoggerMessage(4060, LogLevel.Warning, "Withdrawing message {MessageId} in chat {ChatId} failed (attempt {Attempt}): {ErrorType}; retrying in {DelayMs} ms")]
    public static partial void WithdrawalDeferred(ILogger logger, long chatId, int messageId, int attempt, string errorType, long delayMs);

    [LoggerMessage(4061, LogLevel.Warning, "Withdrawing message {MessageId} in chat {ChatId} is impossible ({Reason}); given up")]
    public static partial void WithdrawalImpossible(ILogger logger, long chatId, int messageId, string reason);

    [LoggerMessage(4013, LogLevel.Error, "Recording update {UpdateId} failed; it will be fetched again")]
    public static partial void RecordFailed(ILogger logger, Exception exception, int updateId);

    [LoggerMessage(4020, LogLevel.Warning, "Webhook request refused: secret token missing or wrong")]
    public static partial void WebhookForbidden(ILogger logger);

    [LoggerMessage(4021, LogLevel.Information, "Webhook listening on {Address}")]
    public static partial void WebhookListening(ILogger logger, string address);

    [LoggerMessage(4030, LogLevel.Warning, "Flood control for chat {ChatId}: waiting {RetryAfterSeconds} s (attempt {Attempt})")]
    public static partial void FloodControl(ILogger logger, long chatId, int retryAfterSeconds, int attempt);

    [LoggerMessage(4031, LogLevel.Warning, "Telegram rejected the HTML entities for chat {ChatId}; resent as plain text")]
    public static partial void EntitiesRejected(ILogger logger, long chatId);

    [LoggerMessage(4032, LogLevel.Debug, "Chat action for chat {ChatId} failed: {ErrorType}")]
    public static partial void ChatActionFailed(ILogger logger, long chatId, string errorType);

    [LoggerMessage(4033, LogLevel.Debug, "Answering a button press failed: {ErrorType}")]
    public static partial void CallbackAnswerFailed(ILogger logger, string errorType);

    [LoggerMessage(4034, LogLevel.Warning, "Editing message {MessageId} in chat {ChatId} failed: {ErrorType}")]
    public static partial void EditFailed(ILogger logger, long chatId, int messageId, string errorType);

    [LoggerMessage(4040, LogLevel.Information, "Answer {AnswerId} for chat {ChatId}: refused {Refused}, {Parts} message(s)")]
    public static partial void AnswerSent(ILogger logger, long answerId, long chatId, bool refused, int parts);

    [LoggerMessage(4041, LogLevel.Information, "User {UserId} hit the rate limit; told once, then ignored for the rest of the minute")]
    public static partial void RateLimited(ILogger logger, long userId);

    [LoggerMessage(4042, LogLevel.Warning, "Refused {Command} for user {UserId} in chat {ChatId}: {Why}")]
    public static partial void AccessDenied(ILogger logger, string command, long? userId, long chatId, string why);

    [LoggerMessage(4043, LogLevel.Information, "Answer {AnswerId} {Decision} by moderator {UserId}")]
    public static partial void Reviewed(ILogger logger, long answerId, string decision, long userId);

    [LoggerMessage(4044, LogLevel.Information, "Feedback {Kind} on answer {AnswerId} from user {UserId}")]
    public static partial void Feedback(ILogger logger, string kind, long answerId, long userId);

    [LoggerMessage(4045, LogLevel.Warning, "Button press with invalid or forged data from user {UserId}")]
    public static partial void ForgedButton(ILogger logger, long userId);

    [LoggerMessage(4046, LogLevel.Error, "Review card for answer {AnswerId} could not be shown")]
    public static partial void ReviewCardFailed(ILogger logger, Exception exception, long answerId);

    [LoggerMessage(4050, LogLevel.Warning, "/add from user {UserId} failed: {Reason}")]
    public static partial void AddFailed(ILogger logger, long userId, string reason);
}

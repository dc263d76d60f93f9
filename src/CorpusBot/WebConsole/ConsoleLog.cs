using Microsoft.Extensions.Logging;

namespace CorpusBot.WebConsole;

/// <summary>The web console's log messages, with stable event ids (6xxx). Never tokens, session ids or cookies.</summary>
internal static partial class ConsoleLog
{
    [LoggerMessage(6001, LogLevel.Information, "Web console listening on {Address} (people open {PublicUrl})")]
    public static partial void Listening(ILogger logger, string address, string publicUrl);

    [LoggerMessage(6002, LogLevel.Error, "Web console not started: {Url} could not be bound ({Reason}). The bot runs on without it.")]
    public static partial void BindFailed(ILogger logger, string url, string reason);

    [LoggerMessage(6010, LogLevel.Information, "Console sign-in by {UserId}")]
    public static partial void SignedIn(ILogger logger, long userId);

    [LoggerMessage(6011, LogLevel.Warning, "Console sign-in refused ({Reason}) from {Address}")]
    public static partial void SignInRefused(ILogger logger, string reason, string address);

    [LoggerMessage(6012, LogLevel.Warning, "Console sign-in attempts from {Address} over the limit")]
    public static partial void SignInThrottled(ILogger logger, string address);

    [LoggerMessage(6013, LogLevel.Information, "Console sign-in link issued to {UserId}")]
    public static partial void LinkIssued(ILogger logger, long userId);

    [LoggerMessage(6020, LogLevel.Information, "Console: {UserId} {Action} answer {AnswerId}")]
    public static partial void Reviewed(ILogger logger, long userId, string action, long answerId);
}

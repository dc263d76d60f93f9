using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CorpusBot.Core;

namespace CorpusBot.Telegram;

/// <summary>
/// The Telegram connection and the bot's limits. Section "Telegram". The token is required only
/// when the bot runs (<see cref="EnsureReadyToRun"/>), so other commands work without it.
/// </summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Telegram";

    /// <summary>Telegram's own Bot API server.</summary>
    public const string DefaultApiBaseUrl = "https://api.telegram.org";

    /// <summary>The bot token from @BotFather. A secret: never logged.</summary>
    public string? Token { get; set; }

    /// <summary>Bot API server; change it for a self-hosted Bot API server or for tests.</summary>
    [Url(ErrorMessage = "Telegram:ApiBaseUrl must be an absolute http(s) URL, e.g. https://api.telegram.org.")]
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>Webhook mode: the public https URL Telegram posts to (registered at start).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Webhook mode: the path the local endpoint listens on.</summary>
    public string WebhookPath { get; set; } = "/telegram/webhook";

    /// <summary>Webhook mode: where Kestrel listens, e.g. http://127.0.0.1:8080 behind a reverse proxy.</summary>
    public string WebhookListenUrl { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Webhook mode: the secret Telegram sends in X-Telegram-Bot-Api-Secret-Token. 1–256 of A–Z, a–z, 0–9, _ and -.</summary>
    [RegularExpression("^[A-Za-z0-9_-]{1,256}$", ErrorMessage = "Telegram:SecretToken must be 1-256 characters of A-Z, a-z, 0-9, _ and -.")]
    public string? SecretToken { get; set; }

    /// <summary>Long-poll timeout of getUpdates.</summary>
    [Range(0, 50, ErrorMessage = "Telegram:PollingTimeoutSeconds must be between 0 and 50.")]
    public int PollingTimeoutSeconds { get; set; } = 25;

    /// <summary>First wait after a polling error; doubles with each further error, up to a minute.</summary>
    [Range(1, 60_000, ErrorMessage = "Telegram:PollingRetryBaseMs must be between 1 and 60000.")]
    public int PollingRetryBaseMs { get; set; } = 1000;

    /// <summary>Optional chat (a group of moderators) where answers are posted for review.</summary>
    public long? ModerationChatId { get; set; }

    public ModerationPostMode ModerationPost { get; set; } = ModerationPostMode.Reported;

    /// <summary>
    /// Messages one user may send the bot per minute (questions and every command; moderators and
    /// maintainers are not limited). The first one over gets a polite "slow down"; the rest of that
    /// minute are dropped silently.
    /// </summary>
    [Range(1, 1000, ErrorMessage = "Telegram:QuestionsPerMinute must be between 1 and 1000.")]
    public int QuestionsPerMinute { get; set; } = 6;

    /// <summary>Least time between two messages to one chat (Telegram allows about one per second).</summary>
    [Range(0, 60_000, ErrorMessage = "Telegram:ChatIntervalMs must be between 0 and 60000.")]
    public int ChatIntervalMs { get; set; } = 1000;

    /// <summary>Messages per minute to one group (Telegram allows 20).</summary>
    [Range(1, 1000, ErrorMessage = "Telegram:GroupMessagesPerMinute must be between 1 and 1000.")]
    public int GroupMessagesPerMinute { get; set; } = 20;

    /// <summary>Messages per second over all chats (Telegram allows about 30).</summary>
    [Range(1, 1000, ErrorMessage = "Telegram:GlobalMessagesPerSecond must be between 1 and 1000.")]
    public int GlobalMessagesPerSecond { get; set; } = 30;

    /// <summary>Largest file accepted by /add; Telegram's getFile serves 20 MB at most.</summary>
    [Range(1, 20 * 1024 * 1024, ErrorMessage = "Telegram:MaxFileBytes must be between 1 and 20971520 (20 MB).")]
    public int MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>
    /// Days the update journal keeps update ids and texts; older rows are deleted, and an update id seen
    /// only that long ago counts as new (Telegram reuses ids after a week of silence).
    /// </summary>
    [Range(1, 365, ErrorMessage = "Telegram:JournalDays must be between 1 and 365.")]
    public int JournalDays { get; set; } = 7;

    /// <summary>Updates waiting per chat at most (never fewer than QuestionsPerMinute); more are dropped and logged.</summary>
    [Range(1, 10_000, ErrorMessage = "Telegram:MaxQueuedPerChat must be between 1 and 10000.")]
    public int MaxQueuedPerChat { get; set; } = 30;

    /// <summary>First wait before retrying a withdrawal Telegram refused; doubles per attempt, up to an hour.</summary>
    [Range(10, 3_600_000, ErrorMessage = "Telegram:WithdrawalRetryBaseMs must be between 10 and 3600000.")]
    public int WithdrawalRetryBaseMs { get; set; } = 5000;

    /// <summary>Answers shown per /review.</summary>
    [Range(1, 20, ErrorMessage = "Telegram:ReviewBatchSize must be between 1 and 20.")]
    public int ReviewBatchSize { get; set; } = 5;

    /// <summary>Updates handled at once (different chats; one chat is always in order).</summary>
    [Range(1, 256, ErrorMessage = "Telegram:MaxConcurrentChats must be between 1 and 256.")]
    public int MaxConcurrentChats { get; set; } = 8;

    /// <summary>Fails fast, naming the key and the fix, when the bot cannot run with these settings.</summary>
    /// <summary>
    /// Null when the token has the shape Telegram.Bot accepts (the bot's numeric id, a colon, the secret);
    /// otherwise the reason, which never repeats the value (it may be a real token pasted wrongly).
    /// </summary>
    public static string? TokenProblem(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        return colon is >= 1 and <= 16 && long.TryParse(token.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && colon < token.Length - 1 && !token.Any(char.IsWhiteSpace)
            ? null
            : "Telegram:Token does not look like a bot token (the bot's number, a colon, then the secret, e.g. 123456789:AA…, no spaces). Copy it again from @BotFather into CORPUSBOT_Telegram__Token.";
    }

    public void EnsureReadyToRun()
    {
        if (string.IsNullOrWhiteSpace(Token))
        {
            throw new CorpusBotException("Missing configuration: Telegram:Token. Set CORPUSBOT_Telegram__Token.");
        }

        if (TokenProblem(Token) is { } problem)
        {
            throw new CorpusBotException(problem);
        }

        if (Mode != TelegramMode.Webhook)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(SecretToken))
        {
            throw new CorpusBotException("Missing configuration: Telegram:SecretToken (required in webhook mode). Set CORPUSBOT_Telegram__SecretToken.");
        }

        if (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            throw new CorpusBotException("Missing configuration: Telegram:WebhookUrl (the public https URL Telegram posts to, required in webhook mode). Set CORPUSBOT_Telegram__WebhookUrl.");
        }

        if (!WebhookPath.StartsWith('/'))
        {
            throw new CorpusBotException("Telegram:WebhookPath must start with '/', e.g. /telegram/webhook.");
        }
    }
}

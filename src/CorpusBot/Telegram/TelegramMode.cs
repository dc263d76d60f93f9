namespace CorpusBot.Telegram;

/// <summary>How updates reach the bot.</summary>
public enum TelegramMode
{
    /// <summary>The bot asks Telegram for updates (getUpdates long polling). Works behind NAT.</summary>
    Polling,

    /// <summary>Telegram posts updates to <see cref="TelegramOptions.WebhookUrl"/>.</summary>
    Webhook,
}

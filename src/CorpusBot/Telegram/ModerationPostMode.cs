namespace CorpusBot.Telegram;

/// <summary>Which answers are posted to <see cref="TelegramOptions.ModerationChatId"/>.</summary>
public enum ModerationPostMode
{
    /// <summary>Only answers somebody reported.</summary>
    Reported,

    /// <summary>Every answer, as it is given.</summary>
    All,
}

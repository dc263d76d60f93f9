namespace CorpusBot.Telegram;

/// <summary>Who the bot is (from getMe at start): needed to tell when a group message addresses it.</summary>
internal sealed class BotIdentity
{
    public long Id { get; private set; }

    public string Username { get; private set; } = string.Empty;

    public void Set(long id, string? username)
    {
        Id = id;
        Username = username ?? string.Empty;
    }
}

namespace CorpusBot.Telegram;

/// <summary>Who may do what, by numeric Telegram user id only (usernames change hands). Section "Roles".</summary>
public sealed class RolesOptions
{
    public const string SectionName = "Roles";

    /// <summary>May /review, /stats and press approve / reject.</summary>
    public IList<long> Moderators { get; } = [];

    /// <summary>May /add, /docs, /remove and /gaps.</summary>
    public IList<long> Maintainers { get; } = [];
}

using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CorpusBot.Telegram;

/// <summary>
/// Decides roles from the numeric sender id alone. Anonymous group admins, channel senders and
/// Telegram's service accounts never get a role, whatever id they appear under.
/// </summary>
internal sealed class Roles(IOptionsMonitor<RolesOptions> options)
{
    /// <summary>The sender of messages by anonymous group admins.</summary>
    public const long GroupAnonymousBotId = 1087968824;

    /// <summary>Telegram's service account, also the sender of automatic channel forwards.</summary>
    public const long TelegramServiceId = 777000;

    /// <summary>The sender of messages posted on behalf of a channel.</summary>
    public const long ChannelBotId = 136817688;

    public bool IsModerator(Message message) => PersonOf(message) is { } id && options.CurrentValue.Moderators.Contains(id);

    public bool IsMaintainer(Message message) => PersonOf(message) is { } id && options.CurrentValue.Maintainers.Contains(id);

    public bool IsModerator(CallbackQuery query) => PersonOf(query) is { } id && options.CurrentValue.Moderators.Contains(id);

    public static bool IsPrivate(Message message) => message.Chat.Type == ChatType.Private;

    /// <summary>The real person behind a message, or null when it was sent on behalf of a chat or by a bot.</summary>
    public static long? PersonOf(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.SenderChat is not null || message.From is not { } from)
        {
            return null;
        }

        return IsPerson(from) ? from.Id : null;
    }

    public static long? PersonOf(CallbackQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return IsPerson(query.From) ? query.From.Id : null;
    }

    private static bool IsPerson(User user) =>
        !user.IsBot && user.Id is not (GroupAnonymousBotId or TelegramServiceId or ChannelBotId) && user.Id > 0;
}

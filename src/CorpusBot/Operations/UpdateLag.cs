using Telegram.Bot.Types;

namespace CorpusBot.Operations;

/// <summary>How long an update took to reach us: from the time Telegram stamped on it (seconds precision) to now.</summary>
internal static class UpdateLag
{
    public static TimeSpan? Of(Update update, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(update);
        DateTime? stamped = update.Message?.Date ?? update.EditedMessage?.EditDate ?? update.EditedMessage?.Date ?? update.CallbackQuery?.Message?.Date;
        return stamped is { } at && at > DateTime.UnixEpoch ? now - new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }
}

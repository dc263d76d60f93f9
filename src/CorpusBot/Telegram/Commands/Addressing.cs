using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CorpusBot.Telegram.Commands;

/// <summary>Whether a group message speaks to the bot: a mention of it, or a reply to one of its messages.</summary>
internal static class Addressing
{
    /// <summary>The question in a group message addressed to the bot (the mention removed), or null when it is not addressed.</summary>
    public static string? QuestionFor(Message message, BotIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(identity);
        var text = message.Text ?? string.Empty;
        var mention = "@" + identity.Username;
        if (identity.Username.Length > 0 && MentionsBot(message, text, mention))
        {
            return text.Replace(mention, " ", StringComparison.OrdinalIgnoreCase).Trim();
        }

        return message.ReplyToMessage?.From?.Id == identity.Id && identity.Id != 0 ? text : null;
    }

    private static bool MentionsBot(Message message, string text, string mention)
    {
        if (message.Entities is { Length: > 0 } entities)
        {
            return entities.Any(e => e.Type == MessageEntityType.Mention
                && e.Offset >= 0 && e.Offset + e.Length <= text.Length
                && string.Equals(text.Substring(e.Offset, e.Length), mention, StringComparison.OrdinalIgnoreCase));
        }

        // Without entities (some clients, tests), a whole-word mention still counts.
        var at = text.IndexOf(mention, StringComparison.OrdinalIgnoreCase);
        var end = at + mention.Length;
        return at >= 0 && (end == text.Length || !(char.IsLetterOrDigit(text[end]) || text[end] == '_'));
    }
}

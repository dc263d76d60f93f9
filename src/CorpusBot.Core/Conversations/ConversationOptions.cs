using System.ComponentModel.DataAnnotations;

namespace CorpusBot.Core.Conversations;

/// <summary>When a question is read as a follow-up of the previous one. Section "Conversation".</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversation";

    /// <summary>
    /// In a private chat, a question within this time of the previous one that leans on it (a pronoun or
    /// an ellipsis, no name or number of its own) is a follow-up. 00:00:00 turns this rule off; replies
    /// to the bot's answers are follow-ups either way.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Conversation:Window must be between 00:00:00 (off) and 1.00:00:00.")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);
}

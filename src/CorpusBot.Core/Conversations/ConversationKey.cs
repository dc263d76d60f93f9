namespace CorpusBot.Core.Conversations;

/// <summary>Whose conversation: one per person per chat, never shared between chats or people.</summary>
public readonly record struct ConversationKey(long ChatId, long UserId);

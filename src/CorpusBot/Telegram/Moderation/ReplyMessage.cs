namespace CorpusBot.Telegram.Moderation;

/// <summary>A message the bot sent carrying (part of) an answer.</summary>
internal readonly record struct ReplyMessage(long ChatId, int MessageId);

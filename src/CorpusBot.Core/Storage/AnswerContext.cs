namespace CorpusBot.Core.Storage;

/// <summary>Where a question came from, for the answer log.</summary>
/// <param name="Channel">"cli" or "telegram".</param>
public sealed record AnswerContext(string Channel, long? ChatId = null, long? UserId = null, long? MessageId = null);

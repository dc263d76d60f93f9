namespace CorpusBot.Core.Answering;

/// <summary>An answer and the id it was recorded under in the answer log (feedback buttons and moderation refer to it).</summary>
public sealed record RecordedAnswer(long Id, Answer Answer);

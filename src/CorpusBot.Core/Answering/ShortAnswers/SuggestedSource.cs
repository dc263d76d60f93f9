namespace CorpusBot.Core.Answering.ShortAnswers;

/// <summary>A document a refusal points to as a place to look, named as a reader knows it: its title (and address, when known).</summary>
public sealed record SuggestedSource(string DocumentId, string Title, string? Url);

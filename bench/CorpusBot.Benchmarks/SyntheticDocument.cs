namespace CorpusBot.Benchmarks;

/// <summary>One generated news article, and a question its first fact answers.</summary>
internal sealed record SyntheticDocument(string Id, string Title, string Text, string Question, string Answer);

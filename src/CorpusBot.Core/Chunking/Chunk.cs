namespace CorpusBot.Core.Chunking;

/// <summary>A chunk of a document: Text == document.Text[Start..End].</summary>
public sealed record Chunk(int Ordinal, int Start, int End, string Text);

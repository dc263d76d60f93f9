namespace CorpusBot.Core.Answering;

/// <summary>A verified verbatim quote: Text == document.Text[Start..End].</summary>
public sealed record Citation(
    string DocumentId,
    string Title,
    string Quote,
    int Start,
    int End,
    string? Url = null);

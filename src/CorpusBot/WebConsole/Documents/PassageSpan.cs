namespace CorpusBot.WebConsole.Documents;

/// <summary>Where one stored passage (chunk) lies in its document, in UTF-16 code units like every offset here.</summary>
internal readonly record struct PassageSpan(int Ordinal, int Start, int End);

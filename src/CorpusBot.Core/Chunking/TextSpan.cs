namespace CorpusBot.Core.Chunking;

/// <summary>A span [Start, End) of a document's text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[Start..End];
    }
}

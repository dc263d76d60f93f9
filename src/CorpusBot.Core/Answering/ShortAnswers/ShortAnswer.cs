using System.Text.Json.Serialization;

namespace CorpusBot.Core.Answering.ShortAnswers;

/// <summary>
/// The answer in a few words — a name, number, date or place — cut verbatim out of one of the answer's verified quotes:
/// <see cref="Text"/> == document.Text[<see cref="Start"/>..<see cref="End"/>], and that range lies inside the quote of
/// citation <see cref="Citation"/> (0-based). Never a rewording; <see cref="Answer.WithShortAnswers"/> checks it.
/// </summary>
public sealed record ShortAnswer(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("citation")] int Citation,
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("end")] int End)
{
    /// <summary>Where the span starts inside the quote of its citation.</summary>
    public int OffsetIn(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return Start - citation.Start;
    }

    /// <summary>Whether this is exactly the text of <paramref name="citation"/>'s quote at these document offsets.</summary>
    public bool IsInside(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return Text.Length > 0
            && Start >= citation.Start
            && End <= citation.End
            && End - Start == Text.Length
            && citation.Quote.Length == citation.End - citation.Start
            && citation.Quote.AsSpan(Start - citation.Start, Text.Length).SequenceEqual(Text);
    }
}

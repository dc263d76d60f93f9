using System.Text.Json;
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
    /// <summary>The answer log's column: JSON, or null when there is none.</summary>
    public static string? ToJson(IReadOnlyList<ShortAnswer> shortAnswers)
    {
        ArgumentNullException.ThrowIfNull(shortAnswers);
        return shortAnswers.Count == 0 ? null : JsonSerializer.Serialize(shortAnswers);
    }

    /// <summary>
    /// Reads the answer log's column back, keeping only spans still inside their citation's quote (a row written
    /// before short answers existed, or damaged, gives none).
    /// </summary>
    public static IReadOnlyList<ShortAnswer> FromJson(string? json, IReadOnlyList<Citation> citations)
    {
        ArgumentNullException.ThrowIfNull(citations);
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return (JsonSerializer.Deserialize<List<ShortAnswer>>(json) ?? [])
                .Where(s => s.Text is not null && s.Citation >= 0 && s.Citation < citations.Count && s.IsInside(citations[s.Citation]))
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

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

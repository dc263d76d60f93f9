using CorpusBot.Core.Answering;
using CorpusBot.Core.Answering.ShortAnswers;

namespace CorpusBot.Replies;

/// <summary>
/// An answer as every front end lays it out, decided once here and drawn by the terminal (<see cref="Cli.AnswerPrinter"/>)
/// and Telegram (<see cref="Telegram.Sending.AnswerFormatter"/>): the answer first — the short answer line, or a language
/// model's prose — then each quote once, its short-answer span marked, under it the source as people know it (title,
/// publisher, date, links). An extractive answer's text is its quotes run together, so it is not shown again.
/// </summary>
internal sealed record ReplyLayout(
    string? Notice,
    IReadOnlyList<ShortLine> ShortLines,
    string? Prose,
    IReadOnlyList<QuoteBlock> Quotes)
{
    public static ReplyLayout Of(Answer answer, SourceLinks links)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(links);
        var quotes = answer.Citations.Select((c, i) =>
        {
            var mark = answer.ShortAnswers.FirstOrDefault(s => s.Citation == i);
            return new QuoteBlock(i + 1, c, mark is null ? 0 : mark.OffsetIn(c), mark?.Text.Length ?? 0, SourceLinks.DocumentOf(c), links.ContextOf(c));
        }).ToList();
        return new ReplyLayout(
            string.IsNullOrWhiteSpace(answer.Notice) ? null : answer.Notice,
            ShortLine.Group(answer.ShortAnswers),
            answer.Mode == AnswerMode.Llm ? answer.Text : null,
            quotes);
    }
}

/// <summary>One line of the short answer: a span and the numbers of the quotes it was cut from ("250 beds [1]").</summary>
internal sealed record ShortLine(string Text, IReadOnlyList<int> Numbers)
{
    /// <summary>"[1][2]": the quotes the span was cut from.</summary>
    public string Markers => string.Concat(Numbers.Select(n => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{n}]")));

    /// <summary>The whole line as plain text: "nearly 900 [1] · about 160 to 170 [2]"; empty when there is no short answer.</summary>
    public static string PlainText(IReadOnlyList<ShortAnswer> shortAnswers) =>
        string.Join(" · ", Group(shortAnswers).Select(l => l.Text + " " + l.Markers));

    /// <summary>Sources that say the same words share a line; sources that differ each get their own, in quote order.</summary>
    public static IReadOnlyList<ShortLine> Group(IReadOnlyList<ShortAnswer> shortAnswers) =>
        shortAnswers
            .GroupBy(s => string.Join(' ', s.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparer.OrdinalIgnoreCase)
            .Select(g => new ShortLine(g.First().Text, g.Select(s => s.Citation + 1).ToList()))
            .ToList();
}

/// <summary>A quote with its number, the span of the short answer inside it (length 0: none) and its links.</summary>
internal sealed record QuoteBlock(int Number, Citation Citation, int MarkStart, int MarkLength, Uri? DocumentLink, Uri? ContextLink)
{
    public string Before => Citation.Quote[..MarkStart];

    public string Marked => Citation.Quote.Substring(MarkStart, MarkLength);

    public string After => Citation.Quote[(MarkStart + MarkLength)..];
}

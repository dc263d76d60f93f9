using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CorpusBot.Core.Answering;
using CorpusBot.Core.Answering.ShortAnswers;
using CorpusBot.Replies;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CorpusBot.Cli;

/// <summary>
/// Writes answers for people or as JSON lines for programs. For people: the short answer first ("250 beds [1]") or a
/// language model's prose, then each quote once with its source as people know it (title, publisher, date, link);
/// document ids and character offsets only with --verbose. <see cref="ToRenderable"/> is for a terminal (the short
/// answer bold inside its quote, wrapped at word boundaries to the width); <see cref="ToText"/> is plain text, for
/// output that is redirected.
/// </summary>
internal static class AnswerPrinter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string ToJson(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var line = new AnswerJson(
            answer.Question,
            answer.Refused,
            answer.Reason?.ToCode(),
            answer.Text,
            answer.ShortAnswers.Count > 0 ? answer.ShortAnswers[0] : null,
            answer.ShortAnswers,
            answer.Citations.Select(c => new CitationJson(c.DocumentId, c.Title, c.Quote, c.Start, c.End, c.Url, c.Publisher, c.Published, c.Page)).ToList(),
            answer.Mode.ToCode(),
            (long)Math.Round(answer.Elapsed.TotalMilliseconds),
            answer.Notice,
            answer.SuggestedDocuments ?? [],
            answer.SuggestedSources.Select(s => new SuggestionJson(s.DocumentId, s.Title, s.Url)).ToList());
        return JsonSerializer.Serialize(line, JsonOptions);
    }

    /// <summary>Plain text, unwrapped: for output redirected to a file or another program.</summary>
    public static string ToText(Answer answer, SourceLinks links, bool verbose = false)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var text = new StringBuilder();
        if (answer.Notice is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Note: {answer.Notice}");
        }

        if (answer.Refused)
        {
            text.AppendLine(answer.Text);
            if (Suggestions(answer) is { } titles)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"Closest documents, if you want to look yourself: {titles}");
            }

            return text.ToString();
        }

        var layout = ReplyLayout.Of(answer, links);
        foreach (var paragraph in AnswerParagraphs(layout))
        {
            text.AppendLine(paragraph).AppendLine();
        }

        foreach (var quote in layout.Quotes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"[{quote.Number}] “{quote.Citation.Quote}”");
            text.AppendLine(CultureInfo.InvariantCulture, $"    — {SourceLine(quote, verbose)}");
        }

        return text.ToString();
    }

    /// <summary>For a terminal: the short answer bold (in its quote too), sources dimmed, words wrapped to the console's width.</summary>
    public static IRenderable ToRenderable(Answer answer, SourceLinks links, bool verbose = false)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var rows = new List<IRenderable>();
        if (answer.Notice is not null)
        {
            rows.Add(new Markup($"[italic]Note: {Markup.Escape(answer.Notice)}[/]"));
        }

        if (answer.Refused)
        {
            rows.Add(new Markup(Markup.Escape(answer.Text)));
            if (Suggestions(answer) is { } titles)
            {
                rows.Add(new Markup($"[dim]Closest documents, if you want to look yourself:[/] {Markup.Escape(titles)}"));
            }

            return new Rows(rows);
        }

        var layout = ReplyLayout.Of(answer, links);
        if (layout.ShortLines.Count > 0)
        {
            rows.Add(new Markup(string.Join(" · ", layout.ShortLines.Select(l => $"[bold]{Markup.Escape(l.Text)}[/] {Markup.Escape(l.Markers)}"))));
            rows.Add(Text.Empty);
        }

        if (layout.Prose is { } prose)
        {
            rows.Add(new Markup(Markup.Escape(prose)));
            rows.Add(Text.Empty);
        }

        foreach (var quote in layout.Quotes)
        {
            var marked = quote.MarkLength == 0
                ? Markup.Escape(quote.Citation.Quote)
                : $"{Markup.Escape(quote.Before)}[bold yellow]{Markup.Escape(quote.Marked)}[/]{Markup.Escape(quote.After)}";
            rows.Add(new Markup($"[[{quote.Number}]] “{marked}”"));
            rows.Add(new Padder(new Markup($"[dim]— {Markup.Escape(SourceLine(quote, verbose))}[/]"), new Padding(4, 0, 0, 0)));
        }

        return new Rows(rows);
    }

    /// <summary>What comes before the quotes: the short answer line ("nearly 900 [1] · about 160 to 170 [2]"), a model's prose.</summary>
    private static IEnumerable<string> AnswerParagraphs(ReplyLayout layout)
    {
        if (layout.ShortLines.Count > 0)
        {
            yield return string.Join(" · ", layout.ShortLines.Select(l => $"{l.Text} {l.Markers}"));
        }

        if (layout.Prose is { } prose)
        {
            yield return prose;
        }
    }

    /// <summary>"Title, Publisher, 2026-01-22, p. 3 · https://… · in context: https://console/…" (+ id and characters when verbose).</summary>
    private static string SourceLine(QuoteBlock quote, bool verbose)
    {
        var c = quote.Citation;
        var line = new StringBuilder(c.SourceLine);
        if (verbose)
        {
            line.Append(CultureInfo.InvariantCulture, $" ({c.DocumentId}, characters {c.Start}–{c.End})");
        }

        if (quote.DocumentLink is { } url)
        {
            line.Append(" · ").Append(url.AbsoluteUri);
        }

        if (quote.ContextLink is { } context)
        {
            line.Append(" · in context: ").Append(context.AbsoluteUri);
        }

        return line.ToString();
    }

    /// <summary>The titles of the closest documents of a no-evidence refusal, or null.</summary>
    private static string? Suggestions(Answer answer) =>
        answer.Reason == RefusalReason.NoEvidence && answer.SuggestedSources.Count > 0
            ? string.Join("; ", answer.SuggestedSources.Select(s => $"“{s.Title}”"))
            : null;

    private sealed record AnswerJson(
        [property: JsonPropertyName("question")] string Question,
        [property: JsonPropertyName("refused")] bool Refused,
        [property: JsonPropertyName("reason")] string? Reason,
        [property: JsonPropertyName("answer")] string Answer,
        [property: JsonPropertyName("shortAnswer")] ShortAnswer? ShortAnswer,
        [property: JsonPropertyName("shortAnswers")] IReadOnlyList<ShortAnswer> ShortAnswers,
        [property: JsonPropertyName("citations")] IReadOnlyList<CitationJson> Citations,
        [property: JsonPropertyName("mode")] string Mode,
        [property: JsonPropertyName("elapsedMs")] long ElapsedMs,
        [property: JsonPropertyName("notice")] string? Notice,
        [property: JsonPropertyName("suggestedDocuments")] IReadOnlyList<string> SuggestedDocuments,
        [property: JsonPropertyName("suggestedSources")] IReadOnlyList<SuggestionJson> SuggestedSources);

    private sealed record CitationJson(
        [property: JsonPropertyName("document")] string Document,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("quote")] string Quote,
        [property: JsonPropertyName("start")] int Start,
        [property: JsonPropertyName("end")] int End,
        [property: JsonPropertyName("url")] string? Url,
        [property: JsonPropertyName("publisher")] string? Publisher,
        [property: JsonPropertyName("published")] string? Published,
        [property: JsonPropertyName("page")] int? Page);

    private sealed record SuggestionJson(
        [property: JsonPropertyName("document")] string Document,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("url")] string? Url);
}

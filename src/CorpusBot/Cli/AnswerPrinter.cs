using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CorpusBot.Core.Answering;

namespace CorpusBot.Cli;

/// <summary>Writes answers for people (numbered quotes with sources) or as JSON lines for programs.</summary>
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
            answer.Citations.Select(c => new CitationJson(c.DocumentId, c.Title, c.Quote, c.Start, c.End, c.Url, c.Publisher, c.Published, c.Page)).ToList(),
            answer.Mode.ToCode(),
            (long)Math.Round(answer.Elapsed.TotalMilliseconds),
            answer.Notice,
            answer.SuggestedDocuments ?? []);
        return JsonSerializer.Serialize(line, JsonOptions);
    }

    public static string ToText(Answer answer)
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
            if (answer.SuggestedDocuments is { Count: > 0 } docs && answer.Reason == RefusalReason.NoEvidence)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"Closest documents, if you want to look yourself: {string.Join(", ", docs)}");
            }

            return text.ToString();
        }

        text.AppendLine(answer.Text);
        text.AppendLine();
        for (var i = 0; i < answer.Citations.Count; i++)
        {
            var c = answer.Citations[i];
            text.AppendLine(CultureInfo.InvariantCulture, $"[{i + 1}] “{c.Quote}”");
            text.AppendLine(CultureInfo.InvariantCulture, $"    — {c.SourceLine} ({c.DocumentId}, characters {c.Start}–{c.End}){(c.Url is null ? "" : " " + c.Url)}");
        }

        return text.ToString();
    }

    private sealed record AnswerJson(
        [property: JsonPropertyName("question")] string Question,
        [property: JsonPropertyName("refused")] bool Refused,
        [property: JsonPropertyName("reason")] string? Reason,
        [property: JsonPropertyName("answer")] string Answer,
        [property: JsonPropertyName("citations")] IReadOnlyList<CitationJson> Citations,
        [property: JsonPropertyName("mode")] string Mode,
        [property: JsonPropertyName("elapsedMs")] long ElapsedMs,
        [property: JsonPropertyName("notice")] string? Notice,
        [property: JsonPropertyName("suggestedDocuments")] IReadOnlyList<string> SuggestedDocuments);

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
}

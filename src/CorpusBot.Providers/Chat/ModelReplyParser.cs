using System.Globalization;
using System.Text.Json;

namespace CorpusBot.Providers.Chat;

/// <summary>
/// Reads the model's JSON reply, tolerant of what models do around it (code fences, a sentence before
/// the object, trailing commas, "source": "1" as a string). Anything without an "answer" or "refuse"
/// member is unusable and throws <see cref="ModelUnavailableException"/>.
/// </summary>
internal static class ModelReplyParser
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static ModelReply Parse(string? content)
    {
        var json = ExtractObject(content ?? string.Empty)
            ?? throw Unusable("it holds no JSON object");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Lenient);
        }
        catch (JsonException)
        {
            throw Unusable("its JSON does not parse");
        }

        using (document)
        {
            var root = document.RootElement;
            var hasAnswer = root.TryGetProperty("answer", out var answer);
            var hasRefuse = root.TryGetProperty("refuse", out var refuse);
            if (!hasAnswer && !hasRefuse)
            {
                throw Unusable("it has neither \"answer\" nor \"refuse\"");
            }

            var quotes = new List<ModelQuote>();
            if (root.TryGetProperty("quotes", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object
                        && item.TryGetProperty("quote", out var quote) && quote.ValueKind == JsonValueKind.String
                        && item.TryGetProperty("source", out var source) && SourceNumber(source) is { } n)
                    {
                        quotes.Add(new ModelQuote(n, quote.GetString()!));
                    }
                }
            }

            var text = hasAnswer && answer.ValueKind == JsonValueKind.String ? answer.GetString()! : string.Empty;
            return new ModelReply(text, quotes, hasRefuse && IsTrue(refuse));
        }
    }

    /// <summary>The outermost {...} of the content, after removing a Markdown code fence around it.</summary>
    internal static string? ExtractObject(string content)
    {
        var text = content.Trim();
        var fence = text.IndexOf("```", StringComparison.Ordinal);
        if (fence >= 0)
        {
            var bodyStart = text.IndexOf('\n', fence);
            var close = bodyStart < 0 ? -1 : text.IndexOf("```", bodyStart, StringComparison.Ordinal);
            if (bodyStart >= 0)
            {
                text = close < 0 ? text[(bodyStart + 1)..] : text[(bodyStart + 1)..close];
            }
        }

        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        return start >= 0 && end > start ? text[start..(end + 1)] : null;
    }

    private static int? SourceNumber(JsonElement source)
    {
        if (source.ValueKind == JsonValueKind.Number && source.TryGetInt32(out var n))
        {
            return n;
        }

        if (source.ValueKind == JsonValueKind.String)
        {
            var digits = new string(source.GetString()!.Where(char.IsAsciiDigit).ToArray());
            return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out n) ? n : null;
        }

        return null;
    }

    private static bool IsTrue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.String => string.Equals(value.GetString(), "true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static ModelUnavailableException Unusable(string why) =>
        new($"The model's reply is not the agreed JSON answer: {why}.");
}

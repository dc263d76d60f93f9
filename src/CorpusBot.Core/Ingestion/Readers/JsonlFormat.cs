using System.Text.Json;

namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>
/// .jsonl: one JSON object per line, {"id","title","text","url","source","published"}; id and text are
/// required strings, the rest optional strings or null, unknown fields ignored. Blank lines are skipped;
/// a bad line is rejected with origin "path:LINE" and the rest of the file is still read.
/// </summary>
internal static class JsonlFormat
{
    public static IEnumerable<ReadItem> Read(string origin, string displayName, string text)
    {
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var number = i + 1;
            var item = ReadLine($"{origin}:{number}", $"{displayName} line {number}", line);
            if (item.Document is { Id: var id } && !firstLineOfId.TryAdd(id, number))
            {
                item = ReadItem.Rejected(item.Origin, $"{displayName} line {number} repeats the id '{id}' of line {firstLineOfId[id]}", id);
            }

            yield return item;
        }
    }

    private static ReadItem ReadLine(string origin, string where, string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ReadItem.Rejected(origin, $"{where} is not a JSON object");
            }

            var fields = new JsonlFields(json.RootElement);
            var rawId = fields.String("id");
            var id = rawId is null ? string.Empty : DocumentIds.Sanitize(rawId);
            var body = fields.String("text");
            var metadata = new DocumentMetadata(fields.String("title"), fields.String("source"), fields.String("url"), fields.String("published"));
            return fields.Problem is { } problem ? ReadItem.Rejected(origin, $"{where}: {problem}", id.Length == 0 ? null : id)
                : id.Length == 0 ? ReadItem.Rejected(origin, $"{where}: the required field \"id\" is missing or empty")
                : body is null ? ReadItem.Rejected(origin, $"{where}: the required field \"text\" is missing", id)
                : DocumentBuilder.Build(origin, where, id, metadata.Title, body, metadata);
        }
        catch (JsonException ex)
        {
            var message = ex.Message.Split(" LineNumber:")[0].Split(" Path:")[0];
            return ReadItem.Rejected(origin, $"{where} is not valid JSON: {message}");
        }
    }
}

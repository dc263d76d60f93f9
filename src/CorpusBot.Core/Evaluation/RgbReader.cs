using System.Globalization;
using System.Text.Json;

namespace CorpusBot.Core.Evaluation;

/// <summary>
/// Reads the RGB JSONL file. <c>answer</c> may be a string, a list of strings, or a list whose elements are lists of
/// aliases; every string anywhere in it counts as an accepted answer (the file's multi-element answers are all alias
/// lists of one fact). Bad lines are reported together, by number.
/// </summary>
public static class RgbReader
{
    public static async Task<IReadOnlyList<RgbCase>> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new EvalInputException($"RGB file not found: {path}. It ships as shared/bench/rgb_en_fact.jsonl.");
        }

        return Parse(await File.ReadAllTextAsync(path, cancellationToken), path);
    }

    public static IReadOnlyList<RgbCase> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cases = new List<RgbCase>();
        var errors = new List<string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                cases.Add(ParseCase(document.RootElement));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                errors.Add($"line {i + 1}: {e.Message}");
            }
        }

        if (errors.Count > 0)
        {
            throw new EvalInputException(
                $"{source}: {errors.Count} bad line(s); each needs id, query, answer, positive and negative:{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", errors.Take(20)));
        }

        return cases.Count > 0 ? cases : throw new EvalInputException($"{source}: no questions in the file.");
    }

    private static RgbCase ParseCase(JsonElement root)
    {
        var idElement = root.GetProperty("id");
        var id = idElement.ValueKind == JsonValueKind.Number
            ? idElement.GetInt64().ToString(CultureInfo.InvariantCulture)
            : idElement.GetString() ?? throw new FormatException("\"id\" must be a number or a string");
        var query = root.GetProperty("query").GetString();
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new FormatException($"\"query\" is empty (id {id})");
        }

        var answers = new List<string>();
        Flatten(root.GetProperty("answer"), answers);
        if (answers.Count == 0)
        {
            throw new FormatException($"\"answer\" holds no strings (id {id})");
        }

        return new RgbCase(id, query, answers.Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Strings(root.GetProperty("positive")), Strings(root.GetProperty("negative")));
    }

    private static void Flatten(JsonElement element, List<string> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when !string.IsNullOrWhiteSpace(element.GetString()):
                into.Add(element.GetString()!.Trim());
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, into);
                }

                break;
            case JsonValueKind.Number:
                into.Add(element.GetRawText());
                break;
            default:
                break;
        }
    }

    private static List<string> Strings(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetString() ?? string.Empty).Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
}

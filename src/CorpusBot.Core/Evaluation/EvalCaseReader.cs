using System.Text.Json;

namespace CorpusBot.Core.Evaluation;

/// <summary>
/// Reads an evaluation set: JSONL, one <c>{"id","category","question","answers"}</c> object per line, blank lines
/// skipped. Every bad line is reported at once, by number, in one <see cref="EvalInputException"/>.
/// </summary>
public static class EvalCaseReader
{
    private const int MaxReportedErrors = 20;

    public static async Task<IReadOnlyList<EvalCase>> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new EvalInputException($"Evaluation file not found: {path}. Pass a JSONL file, e.g. tests/CorpusBot.Core.Tests/Evaluation/devset.jsonl.");
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);
        return Parse(text, path);
    }

    /// <param name="source">The name used in error messages, e.g. the file path.</param>
    public static IReadOnlyList<EvalCase> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cases = new List<EvalCase>();
        var errors = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var number = i + 1;
            var parsed = ParseLine(line, out var error);
            if (parsed is null)
            {
                errors.Add($"line {number}: {error}");
            }
            else if (seen.TryGetValue(parsed.Id, out var first))
            {
                errors.Add($"line {number}: duplicate id \"{parsed.Id}\" (first used on line {first})");
            }
            else
            {
                seen[parsed.Id] = number;
                cases.Add(parsed);
            }
        }

        if (errors.Count > 0)
        {
            var shown = string.Join(Environment.NewLine, errors.Take(MaxReportedErrors).Select(e => "  " + e));
            var more = errors.Count > MaxReportedErrors ? $"{Environment.NewLine}  ... and {errors.Count - MaxReportedErrors} more" : string.Empty;
            throw new EvalInputException($"{source}: {errors.Count} bad line(s):{Environment.NewLine}{shown}{more}");
        }

        if (cases.Count == 0)
        {
            throw new EvalInputException($"{source}: no cases. Each line must be a JSON object like {{\"id\":\"a01\",\"category\":\"answerable\",\"question\":\"...\",\"answers\":[\"...\"]}}.");
        }

        return cases;
    }

    private static EvalCase? ParseLine(string line, out string error)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            error = $"not valid JSON ({e.Message})";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "expected a JSON object";
                return null;
            }

            var id = GetString(root, "id");
            var category = GetString(root, "category");
            var question = GetString(root, "question");
            if (string.IsNullOrWhiteSpace(id))
            {
                error = "\"id\" is missing or empty";
                return null;
            }

            if (category is null || !EvalCategory.IsKnown(category))
            {
                error = $"\"category\" must be one of {string.Join(", ", EvalCategory.All)} (id {id})";
                return null;
            }

            if (string.IsNullOrWhiteSpace(question))
            {
                error = $"\"question\" is missing or empty (id {id})";
                return null;
            }

            var answers = GetAnswers(root, out error);
            if (answers is null)
            {
                error = $"{error} (id {id})";
                return null;
            }

            var evalCase = new EvalCase(id, category, question, answers);
            if (evalCase.ExpectsAnswer && answers.Count == 0)
            {
                error = $"an answerable case needs at least one accepted answer in \"answers\" (id {id})";
                return null;
            }

            if (!evalCase.ExpectsAnswer && answers.Count > 0)
            {
                error = $"a {category} case expects a refusal, so \"answers\" must be [] (id {id})";
                return null;
            }

            error = string.Empty;
            return evalCase;
        }
    }

    private static string? GetString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string>? GetAnswers(JsonElement root, out string error)
    {
        error = string.Empty;
        if (!root.TryGetProperty("answers", out var answers))
        {
            return [];
        }

        if (answers.ValueKind != JsonValueKind.Array)
        {
            error = "\"answers\" must be an array of strings";
            return null;
        }

        var list = new List<string>();
        foreach (var item in answers.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                error = "\"answers\" must hold only non-empty strings";
                return null;
            }

            list.Add(item.GetString()!);
        }

        return list;
    }
}

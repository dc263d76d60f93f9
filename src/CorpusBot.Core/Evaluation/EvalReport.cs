using System.Text.Json;
using System.Text.Json.Serialization;

namespace CorpusBot.Core.Evaluation;

/// <summary>Everything one evaluation run found: totals, a confusion matrix, per-category results and every case.</summary>
/// <param name="Name">What was evaluated, e.g. the file name or "rgb answering".</param>
public sealed record EvalReport(
    string Name,
    EvalTotals Totals,
    ConfusionMatrix Confusion,
    IReadOnlyList<CategoryResult> Categories,
    IReadOnlyList<EvalCaseResult> Cases)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static EvalReport Create(string name, IReadOnlyList<EvalCaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var categories = results
            .GroupBy(r => r.Category, StringComparer.Ordinal)
            .OrderBy(g => EvalCategory.All.ToList().IndexOf(g.Key) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => CategoryResult.From(g.Key, g.ToList()))
            .ToList();
        return new EvalReport(name, EvalTotals.From(results), ConfusionMatrix.From(results), categories, results);
    }

    /// <summary>Indented camelCase JSON with enums as snake_case strings, for <c>--json</c> output.</summary>
    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, JsonOptions);
}

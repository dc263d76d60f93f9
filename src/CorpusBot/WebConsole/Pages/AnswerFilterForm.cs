using CorpusBot.WebConsole.Answers;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CorpusBot.WebConsole.Pages;

/// <summary>The filter fields of the review and answers pages, bound from the query string, and the menus' choices.</summary>
internal sealed class AnswerFilterForm
{
    /// <summary>"pending", "approved", "rejected" or "all".</summary>
    public string? Status { get; set; }

    public string? Outcome { get; set; }

    public string? Reason { get; set; }

    public string? Mode { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public IReadOnlyList<string> Reasons { get; set; } = [];

    /// <summary>The page number asked for (p=), 1 when absent or invalid.</summary>
    public int Page { get; set; } = 1;

    /// <summary>Reads the filters from the query string; values that do not parse are ignored.</summary>
    public static AnswerFilterForm FromQuery(IQueryCollection query, string? defaultStatus)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new AnswerFilterForm
        {
            Status = Value(query, "status") ?? defaultStatus,
            Outcome = Value(query, "outcome"),
            Reason = Value(query, "reason"),
            Mode = Value(query, "mode"),
            From = Date(query, "from"),
            To = Date(query, "to"),
            Page = int.TryParse(Value(query, "p"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1,
        };
    }

    private static string? Value(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var v) && v.ToString() is { Length: > 0 } s ? s : null;

    private static DateOnly? Date(IQueryCollection query, string key) =>
        DateOnly.TryParseExact(Value(query, key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public IReadOnlyList<string> Modes { get; set; } = [];

    public AnswerFilter ToFilter() => new()
    {
        Status = Status == "all" ? null : Status,
        Outcome = Outcome,
        Reason = Reason,
        Mode = Mode,
        From = From,
        To = To,
    };

    /// <summary>A link to page <paramref name="page"/> of the same filtered list.</summary>
    public string Link(PageModel page, string pageName, int number, string? handler = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var values = new Dictionary<string, string?>
        {
            ["status"] = Status,
            ["outcome"] = Outcome,
            ["reason"] = Reason,
            ["mode"] = Mode,
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["p"] = number > 1 ? number.ToString(CultureInfo.InvariantCulture) : null,
        };
        var url = page.Url.Page(pageName, handler) ?? "/";
        var query = string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => v.Key + "=" + Uri.EscapeDataString(v.Value!)));
        return query.Length == 0 ? url : url + "?" + query;
    }
}

using System.Globalization;
using System.Net;
using System.Text;

namespace CorpusBot.WebConsole.Stats;

/// <summary>
/// Charts drawn on the server as SVG: no script, no chart library. Each chart has a title and a
/// description for screen readers, and the page prints the same numbers as a table beside it.
/// </summary>
internal static class SvgCharts
{
    private const int Width = 600;

    /// <summary>Stacked columns per day: answered (dark) under refused (light).</summary>
    public static string PerDay(string title, IReadOnlyList<(DateOnly Day, int Answered, int Refused)> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        const int height = 220;
        const int bottom = 190;
        const int left = 36;
        var max = Math.Max(1, days.Count == 0 ? 0 : days.Max(d => d.Answered + d.Refused));
        var column = (Width - left - 8) / (double)Math.Max(1, days.Count);
        var svg = Open(title, $"Questions per day for the last {days.Count} days: answered and refused.", height);
        Line(svg, left, bottom, Width - 8, bottom);
        Text(svg, 4, 16, max.ToString(CultureInfo.InvariantCulture));
        Text(svg, 4, bottom, "0");
        for (var i = 0; i < days.Count; i++)
        {
            var (day, answered, refused) = days[i];
            var x = left + (i * column) + 1;
            var a = (bottom - 10) * answered / (double)max;
            var r = (bottom - 10) * refused / (double)max;
            Rect(svg, x, bottom - a, column - 2, a, "#0b57d0", $"{day:yyyy-MM-dd}: {answered} answered");
            Rect(svg, x, bottom - a - r, column - 2, r, "#9ec0f5", $"{day:yyyy-MM-dd}: {refused} refused");
            if (i % 7 == 0 || i == days.Count - 1)
            {
                Text(svg, x, bottom + 16, day.ToString("MM-dd", CultureInfo.InvariantCulture));
            }
        }

        return Close(svg);
    }

    /// <summary>Horizontal bars, one per label.</summary>
    public static string Bars(string title, string description, IReadOnlyList<(string Label, long Value)> bars, string unit = "")
    {
        ArgumentNullException.ThrowIfNull(bars);
        const int row = 26;
        const int labelWidth = 170;
        var height = Math.Max(1, bars.Count) * row + 10;
        var max = Math.Max(1, bars.Count == 0 ? 0 : bars.Max(b => b.Value));
        var svg = Open(title, description, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = 6 + (i * row);
            var w = (Width - labelWidth - 90) * value / (double)max;
            Text(svg, 4, y + 15, label);
            Rect(svg, labelWidth, y, Math.Max(w, 1), row - 8, "#0b57d0", $"{label}: {value}{unit}");
            Text(svg, labelWidth + w + 6, y + 15, value.ToString(CultureInfo.InvariantCulture) + unit);
        }

        return Close(svg);
    }

    private static StringBuilder Open(string title, string description, int height)
    {
        var id = "c" + Math.Abs(StringComparer.Ordinal.GetHashCode(title)).ToString(CultureInfo.InvariantCulture);
        return new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}t {id}d\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{id}t\">{WebUtility.HtmlEncode(title)}</title><desc id=\"{id}d\">{WebUtility.HtmlEncode(description)}</desc>");
    }

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static void Rect(StringBuilder svg, double x, double y, double w, double h, string fill, string tip)
    {
        if (h <= 0)
        {
            return;
        }

        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{w:0.#}\" height=\"{h:0.#}\" fill=\"{fill}\"><title>{WebUtility.HtmlEncode(tip)}</title></rect>");
    }

    private static void Line(StringBuilder svg, double x1, double y1, double x2, double y2) =>
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\" stroke=\"#767f8a\"/>");

    private static void Text(StringBuilder svg, double x, double y, string text) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y:0.#}\">{WebUtility.HtmlEncode(text)}</text>");
}

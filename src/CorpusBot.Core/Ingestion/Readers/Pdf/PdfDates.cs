using System.Globalization;

namespace CorpusBot.Core.Ingestion.Readers.Pdf;

/// <summary>PDF date strings ("D:20260122093000+01'00'") to an ISO date ("2026-01-22"), or null.</summary>
internal static class PdfDates
{
    public static string? ToIsoDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var digits = value.Trim();
        if (digits.StartsWith("D:", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        return digits.Length >= 8
            && DateOnly.TryParseExact(digits[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }
}

namespace CorpusBot.WebConsole;

/// <summary>CSV fields (RFC 4180), safe to open in a spreadsheet.</summary>
internal static class Csv
{
    /// <summary>
    /// Quotes a field when it needs it. A field starting with = + - @ (or a tab / CR) is prefixed with an
    /// apostrophe: questions are typed by strangers and must not run as formulas in a moderator's spreadsheet.
    /// </summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}

namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>Maps file extensions to formats, and words the rejection for anything else.</summary>
internal static class DocumentFormats
{
    private static readonly Dictionary<string, DocumentFormat> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = DocumentFormat.PlainText,
        [".md"] = DocumentFormat.Markdown,
        [".html"] = DocumentFormat.Html,
        [".htm"] = DocumentFormat.Html,
        [".jsonl"] = DocumentFormat.Jsonl,
        [".pdf"] = DocumentFormat.Pdf,
        [".docx"] = DocumentFormat.Docx,
    };

    public static string SupportedList { get; } = string.Join(", ", ByExtension.Keys);

    public static bool TryGet(string extension, out DocumentFormat format) =>
        ByExtension.TryGetValue(extension, out format);

    public static string Unsupported(string displayName, string extension) =>
        string.IsNullOrEmpty(extension)
            ? $"{displayName} has no file extension; supported: {SupportedList}"
            : $"{displayName} has the unsupported extension '{extension}'; supported: {SupportedList}{Hint(extension)}";

    /// <summary>What to do with the formats people most often try: the old binary Office files.</summary>
    private static string Hint(string extension) => extension.ToLowerInvariant() switch
    {
        ".doc" or ".rtf" or ".odt" => " (save it as .docx or .pdf first)",
        _ => string.Empty,
    };
}

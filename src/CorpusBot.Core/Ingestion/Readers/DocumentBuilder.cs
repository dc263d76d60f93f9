using CorpusBot.Core.Documents;

namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>The last step of every format: clean the text, refuse empty or garbled text, settle the title.</summary>
internal static class DocumentBuilder
{
    public const int MaxTitleLength = 200;

    public const int MaxMetadataLength = 2048;

    /// <param name="pageStarts">Page offsets into <paramref name="text"/>, which must then be clean already (offsets cannot move).</param>
    public static ReadItem Build(
        string origin, string displayName, string id, string? title, string text, DocumentMetadata? metadata = null, IReadOnlyList<int>? pageStarts = null)
    {
        var clean = TextCleaner.Clean(text);
        if (pageStarts is not null && !string.Equals(clean, text, StringComparison.Ordinal))
        {
            throw new ArgumentException("Text with page offsets must be cleaned before it is built into a document.", nameof(text));
        }

        if (string.IsNullOrWhiteSpace(clean))
        {
            return ReadItem.Rejected(origin, $"{displayName} contains no text (it is empty or whitespace only)", id);
        }

        if (MojibakeDetector.HasTooManyReplacements(clean, out var replacements))
        {
            return ReadItem.Rejected(
                origin,
                $"{displayName} contains {replacements} replacement characters (U+FFFD): it was garbled before it was saved; save the original as UTF-8",
                id);
        }

        var cleanTitle = TextCleaner.OneLine(title ?? string.Empty, MaxTitleLength);
        if (cleanTitle.Length == 0)
        {
            cleanTitle = TextCleaner.OneLine(FirstLine(clean), MaxTitleLength);
        }

        return ReadItem.Read(origin, new SourceDocument(
            id,
            cleanTitle.Length == 0 ? id : cleanTitle,
            clean,
            Tidy(metadata?.Url),
            Tidy(metadata?.Source),
            Tidy(metadata?.Published),
            Tidy(metadata?.Author),
            pageStarts));
    }

    /// <summary>A metadata value on one line, or null when there is nothing left of it.</summary>
    public static string? Tidy(string? value) =>
        value is null ? null : TextCleaner.OneLine(value, MaxMetadataLength) is { Length: > 0 } tidy ? tidy : null;

    public static string FirstLine(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                return line.Trim();
            }
        }

        return string.Empty;
    }
}

namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>
/// Spots text that is valid UTF-8 but garbled: UTF-8 that was once read as Windows-1252 and saved again
/// ("Ã©" for "é", "Ð¿Ñ€Ð¸" for "при"), and text already full of U+FFFD replacement characters.
/// </summary>
internal static class MojibakeDetector
{
    /// <summary>More replacement characters than this share of the text means it was garbled before it reached us.</summary>
    public const double MaxReplacementShare = 0.001;

    public static bool LooksDoubleEncoded(string text)
    {
        if (!text.Any(c => c is >= '\u00C2' and <= '\u00F4'))
        {
            return false;
        }

        var windows1252 = CodePages.Strict(1252);
        byte[] original;
        try
        {
            original = windows1252.GetBytes(text);
        }
        catch (System.Text.EncoderFallbackException)
        {
            return false;
        }

        return CodePages.TryDecode(CodePages.Utf8, original, out var repaired) && repaired.Length < text.Length;
    }

    public static bool HasTooManyReplacements(string text, out int count)
    {
        count = text.Count(c => c == '\uFFFD');
        return count > text.Length * MaxReplacementShare;
    }
}

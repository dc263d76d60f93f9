namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>Recognises files that are not text at all, before any decoding is attempted.</summary>
internal static class BinarySniffer
{
    /// <summary>A control-character share above this (tab, newlines and form feed aside) means binary.</summary>
    public const double MaxControlShare = 0.01;

    private static readonly (byte[] Magic, string What)[] Signatures =
    [
        ("%PDF-"u8.ToArray(), "a PDF document (name it .pdf to have it read as one)"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (a Word file is read when it is named .docx; xlsx, odt and epub are not supported)"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ("GIF8"u8.ToArray(), "a GIF image"),
        ([0x1F, 0x8B], "a gzip archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "an executable"),
    ];

    /// <summary>Why the raw bytes are not text, or null. Call only for input without a byte-order mark.</summary>
    public static string? Describe(ReadOnlySpan<byte> bytes)
    {
        foreach (var (magic, what) in Signatures)
        {
            if (bytes.StartsWith(magic))
            {
                return $"is {what}, not text; convert it to .txt, .md, .html, .pdf or .docx first";
            }
        }

        return bytes.Contains((byte)0)
            ? "is binary (it contains NUL bytes); if it is UTF-16 text, save it with a byte-order mark or as UTF-8"
            : null;
    }

    /// <summary>Why decoded text is binary (NUL characters or a high share of control characters), or null.</summary>
    public static string? DescribeDecoded(string text)
    {
        var controls = 0;
        foreach (var c in text)
        {
            if (c == '\0')
            {
                return "is binary (it contains NUL characters)";
            }

            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f' or '\v'))
            {
                controls++;
            }
        }

        return controls > text.Length * MaxControlShare
            ? $"is binary ({controls} of {text.Length} characters are control characters)"
            : null;
    }
}

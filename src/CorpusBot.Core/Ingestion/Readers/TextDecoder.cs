using System.Text;

namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>
/// Bytes to text, or a reason they are not readable text. A byte-order mark decides (UTF-8, UTF-16 or
/// UTF-32, either byte order; the mark is dropped). Without one: known binary formats and NUL bytes are
/// refused, then strict UTF-8, then Cyrillic cp1251 or KOI8-R if the letters read as Russian; anything
/// else is refused rather than stored as mojibake. Problems read after the file name ("x.txt is ...").
/// </summary>
internal static class TextDecoder
{
    private static readonly (byte[] Bom, Encoding Encoding, string Name)[] Boms =
    [
        ([0xEF, 0xBB, 0xBF], CodePages.Utf8, "UTF-8"),
        ([0xFF, 0xFE, 0x00, 0x00], new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), "UTF-32LE"),
        ([0x00, 0x00, 0xFE, 0xFF], new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), "UTF-32BE"),
        ([0xFF, 0xFE], new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16LE"),
        ([0xFE, 0xFF], new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16BE"),
    ];

    public static DecodeResult Decode(ReadOnlySpan<byte> bytes)
    {
        foreach (var (bom, encoding, name) in Boms)
        {
            if (bytes.StartsWith(bom))
            {
                return CodePages.TryDecode(encoding, bytes[bom.Length..], out var text)
                    ? Checked(text, name)
                    : DecodeResult.Fail($"starts with a {name} byte-order mark but is not valid {name}");
            }
        }

        if (BinarySniffer.Describe(bytes) is { } binary)
        {
            return DecodeResult.Fail(binary);
        }

        if (CodePages.TryDecode(CodePages.Utf8, bytes, out var utf8))
        {
            return MojibakeDetector.LooksDoubleEncoded(utf8)
                ? DecodeResult.Fail("looks double-encoded (UTF-8 that was read as Windows-1252 and saved again, e.g. \"Ã©\" for \"é\"); save the original as UTF-8")
                : Checked(utf8, "UTF-8");
        }

        return CyrillicDetector.Guess(bytes) is { Text: { } legacy } guess
            ? Checked(legacy, guess.Encoding)
            : DecodeResult.Fail("is neither valid UTF-8 nor recognisable Cyrillic windows-1251 or KOI8-R text; save it as UTF-8");
    }

    private static DecodeResult Checked(string text, string encoding) =>
        BinarySniffer.DescribeDecoded(text) is { } binary ? DecodeResult.Fail(binary) : DecodeResult.Ok(text, encoding);
}

using System.Text;
using CorpusBot.Core.Documents;

namespace CorpusBot.Telegram.Uploads;

/// <summary>
/// Stand-in reader for .txt, .md and .html uploads: strict UTF-8 (or UTF-16 with a BOM), HTML reduced
/// to text. Replace with the readers branch's <c>DocumentSourceReader.ReadUpload</c> when it lands.
/// </summary>
internal sealed class TextUploadReader : IUploadReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public IReadOnlyCollection<string> Extensions { get; } = [".txt", ".md", ".html", ".htm"];

    public UploadResult Read(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            return UploadResult.Fail(BotTexts.FileTypeNotSupported);
        }

        string text;
        try
        {
            text = Decode(content);
        }
        catch (DecoderFallbackException)
        {
            return UploadResult.Fail("the file is not valid UTF-8 text");
        }

        string? title = null;
        if (extension is ".html" or ".htm")
        {
            (title, text) = HtmlToText.Convert(text);
        }

        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length == 0)
        {
            return UploadResult.Fail("the file has no text");
        }

        var stem = Path.GetFileNameWithoutExtension(fileName ?? string.Empty);
        var id = DocumentIds.From(stem, text);
        title ??= extension == ".md" && text.StartsWith('#') ? text.Split('\n')[0].TrimStart('#').Trim() : id;
        return UploadResult.Ok(new SourceDocument(id, title, text, Source: "telegram upload"));
    }

    private static string Decode(byte[] content)
    {
        if (content is [0xFF, 0xFE, ..])
        {
            return Encoding.Unicode.GetString(content, 2, content.Length - 2);
        }

        if (content is [0xFE, 0xFF, ..])
        {
            return Encoding.BigEndianUnicode.GetString(content, 2, content.Length - 2);
        }

        var start = content is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        return StrictUtf8.GetString(content, start, content.Length - start);
    }
}

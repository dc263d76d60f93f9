using System.Globalization;
using System.Text;

namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>
/// What an uploaded file's name is used for: picking the format (its extension) and the document id.
/// Never a path: directories, traversal, NUL, control and bidi-override characters are stripped first.
/// </summary>
internal sealed record UploadName(string Id, string Extension)
{
    public const string FallbackId = "upload";

    private const int MaxExtensionLength = 10;

    public string DisplayName => Id + Extension;

    public static UploadName Parse(string? fileName)
    {
        var visible = StripInvisible(fileName ?? string.Empty);
        var leaf = visible[(visible.LastIndexOfAny(['/', '\\']) + 1)..];
        var dot = leaf.LastIndexOf('.');
        var extension = dot >= 0 ? leaf[dot..].ToLowerInvariant() : string.Empty;
        if (extension.Length is < 2 or > MaxExtensionLength || !extension.Skip(1).All(char.IsAsciiLetterOrDigit))
        {
            extension = string.Empty;
            dot = -1;
        }

        var id = DocumentIds.Sanitize(dot >= 0 ? leaf[..dot] : leaf);
        return new UploadName(id.Length == 0 ? FallbackId : id, extension);
    }

    private static string StripInvisible(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format))
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }
}

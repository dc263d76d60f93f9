using System.Security.Cryptography;
using System.Text;

namespace CorpusBot.Telegram.Uploads;

/// <summary>
/// Document ids from untrusted names: ASCII letters, digits, '-' and '_' only, at most 64 characters.
/// Path separators, "..", NUL, control and bidi-override characters cannot survive. An empty result
/// falls back to a hash of the content.
/// </summary>
internal static class DocumentIds
{
    private const int MaxLength = 64;

    public static string From(string? name, string content)
    {
        var slug = new StringBuilder();
        foreach (var c in (name ?? string.Empty).Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-' && !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                slug.Append('-');
            }

            if (slug.Length >= MaxLength)
            {
                break;
            }
        }

        var id = slug.ToString().Trim('-');
        return id.Length > 0 ? id : "doc-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..12];
    }
}

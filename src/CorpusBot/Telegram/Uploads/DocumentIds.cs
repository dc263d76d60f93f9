using System.Security.Cryptography;
using System.Text;

namespace CorpusBot.Telegram.Uploads;

/// <summary>
/// Document ids for /add: a readable slug (ASCII letters, digits, '-' and '_' only) plus a short hash
/// of the whole source identity (the full URL with its query, or the full title), at most 64
/// characters. Two sources that differ anywhere get different ids, however long their common prefix;
/// the same source always gets the same id. Path separators, "..", NUL, control and bidi-override
/// characters cannot survive.
/// </summary>
internal static class DocumentIds
{
    private const int MaxLength = 64;
    private const int HashLength = 10;
    private const int SlugLength = MaxLength - HashLength - 1;

    /// <param name="name">What the slug is made from (a title, a host and path).</param>
    /// <param name="identity">What makes the source this source (the full URL or title); hashed.</param>
    public static string From(string? name, string identity)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity ?? string.Empty)))[..HashLength];
        var slug = Slug(name);
        return (slug.Length > 0 ? slug : "doc") + "-" + hash;
    }

    private static string Slug(string? name)
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

            if (slug.Length >= SlugLength)
            {
                break;
            }
        }

        return slug.ToString().Trim('-');
    }
}

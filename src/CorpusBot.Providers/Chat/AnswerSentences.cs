using System.Globalization;
using System.Text.RegularExpressions;

namespace CorpusBot.Providers.Chat;

/// <summary>
/// Splits the model's answer into sentences and reads their [n] markers. A marker that follows the
/// full stop ("... in 1994. [2]") stays with its sentence; "Dr." or an initial does not end one.
/// </summary>
internal static partial class AnswerSentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "gov", "sen", "rep", "vs", "etc", "no", "e.g", "i.e", "u.s", "u.k",
    };

    /// <summary>The answer's sentences, each with the separator that followed it ("\n" or " ").</summary>
    public static IReadOnlyList<(string Text, string Separator)> Split(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var result = new List<(string Text, string Separator)>();
        var pending = string.Empty;
        var start = 0;
        foreach (var boundary in BoundaryRegex().EnumerateMatches(answer))
        {
            Add(answer[start..boundary.Index], answer.AsSpan(boundary.Index, boundary.Length).Contains('\n') ? "\n" : " ");
            start = boundary.Index + boundary.Length;
        }

        Add(answer[start..], string.Empty);
        if (pending.Length > 0)
        {
            result.Add((pending, string.Empty));
        }

        return result;

        void Add(string fragment, string separator)
        {
            var text = (pending.Length > 0 ? pending + " " : string.Empty) + fragment.Trim();
            pending = string.Empty;
            if (text.Length == 0)
            {
                return;
            }

            if (Sources(text).Count == 0 && EndsWithAbbreviation(text) && separator == " ")
            {
                pending = text;
                return;
            }

            result.Add((text, separator));
        }
    }

    /// <summary>Source numbers the sentence cites, in order of first mention.</summary>
    public static IReadOnlyList<int> Sources(string sentence)
    {
        var sources = new List<int>();
        foreach (Match marker in MarkerRegex().Matches(sentence))
        {
            foreach (Capture number in marker.Groups["n"].Captures)
            {
                if (int.TryParse(number.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && !sources.Contains(n))
                {
                    sources.Add(n);
                }
            }
        }

        return sources;
    }

    /// <summary>Rewrites every marker through <paramref name="renumber"/> (empty string removes it).</summary>
    public static string RewriteMarkers(string sentence, Func<int, string> renumber)
    {
        ArgumentNullException.ThrowIfNull(renumber);
        var rewritten = MarkerRegex().Replace(sentence, marker => string.Concat(
            marker.Groups["n"].Captures.Select(c => int.TryParse(c.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? renumber(n) : string.Empty)));
        return SpaceBeforePunctuationRegex().Replace(MultipleSpacesRegex().Replace(rewritten, " "), "$1").Trim();
    }

    private static bool EndsWithAbbreviation(string text)
    {
        if (!text.EndsWith('.'))
        {
            return false;
        }

        var lastSpace = text.LastIndexOfAny([' ', '\t']);
        var word = text[(lastSpace + 1)..^1];
        return (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word);
    }

    [GeneratedRegex(@"\[\s*(?:source\s*)?(?<n>\d{1,3})(?:\s*[,;]\s*(?:source\s*)?(?<n>\d{1,3}))*\s*\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkerRegex();

    // Whitespace after . ! ? … (closing quotes and trailing [n] markers included) that is not followed by a marker, or a line break.
    [GeneratedRegex(@"(?<=[.!?…][""'”’»)]*(?:\s*\[[^\[\]\n]{1,40}\])*)[ \t]+(?![ \t]*\[\s*(?:source\s*)?\d)|\s*\n\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoundaryRegex();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex MultipleSpacesRegex();

    [GeneratedRegex(@"\s+([.,;:!?])")]
    private static partial Regex SpaceBeforePunctuationRegex();
}

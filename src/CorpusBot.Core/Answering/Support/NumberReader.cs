using System.Globalization;
using System.Text.RegularExpressions;

namespace CorpusBot.Core.Answering.Support;

/// <summary>
/// The numbers a text states, as values: "9,000", "9 000" and "nine thousand" are all 9000; "2,5 млн"
/// and "2.5 million" are 2500000; "160–170" is 160 and 170; "12.03.2022" is 12, 3 and 2022. A comma or
/// dot followed by exactly three digits groups thousands; otherwise it is a decimal mark.
/// </summary>
public static partial class NumberReader
{
    public static HashSet<decimal> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new HashSet<decimal>();
        var tokens = TokenRegex().Matches(WordApostropheRegex().Replace(text, string.Empty));
        decimal total = 0, current = 0;
        var inWords = false;
        var weakAlone = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Groups["num"].Success)
            {
                EndWords();
                var parsed = ParseDigits(token.Value);
                if (i + 1 < tokens.Count && Adjacent(token, tokens[i + 1]) && NumberWords.Scales.TryGetValue(Lower(tokens[i + 1]), out var scale))
                {
                    parsed[^1] *= scale;
                    i++;
                }

                values.UnionWith(parsed.Select(Normalise));
                continue;
            }

            var word = Lower(token);
            if (NumberWords.Additive.TryGetValue(word, out var add))
            {
                weakAlone = !inWords && NumberWords.IsWeakAlone(word);
                current += add;
                inWords = true;
            }
            else if (NumberWords.Scales.TryGetValue(word, out var multiply) && (inWords || StartsNumber(word, i > 0 ? Lower(tokens[i - 1]) : null)))
            {
                weakAlone = false;
                if (multiply == 100)
                {
                    current = Math.Max(current, 1) * 100;
                }
                else
                {
                    total += Math.Max(current, 1) * multiply;
                    current = 0;
                }

                inWords = true;
            }
            else if (!(inWords && word == "and" && i + 1 < tokens.Count && IsNumberWord(Lower(tokens[i + 1]))))
            {
                EndWords();
            }
        }

        EndWords();
        return values;

        void EndWords()
        {
            if (inWords && !weakAlone)
            {
                values.Add(Normalise(total + current));
            }

            total = current = 0;
            inWords = weakAlone = false;
        }
    }

    /// <summary>One run of digits and separators, read as one or more numbers.</summary>
    internal static List<decimal> ParseDigits(string run)
    {
        var numbers = new List<decimal>();
        // Space-grouped thousands ("9 000") join their group; other spaced digits are separate numbers.
        var groups = new List<string>();
        var joined = false;
        foreach (var part in run.Split([' ', '\u00A0', '\u202F', '\u2009']))
        {
            var canLead = groups.Count > 0 && groups[^1].All(char.IsAsciiDigit) && (joined || groups[^1].Length <= 3);
            joined = canLead && part.Length == 3 && part.All(char.IsAsciiDigit);
            if (joined)
            {
                groups[^1] += part;
            }
            else
            {
                groups.Add(part);
            }
        }

        foreach (var group in groups)
        {
            numbers.AddRange(ParseGroup(group));
        }

        return numbers;
    }

    private static IEnumerable<decimal> ParseGroup(string group)
    {
        var comma = group.LastIndexOf(',');
        var dot = group.LastIndexOf('.');
        if (comma >= 0 && dot >= 0)
        {
            // "1,234.5" or "1.234,5": the later mark is the decimal one.
            var (thousands, decimalMark) = comma > dot ? ('.', ',') : (',', '.');
            var plain = group.Replace(thousands.ToString(), string.Empty, StringComparison.Ordinal).Replace(decimalMark, '.');
            return decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var both) ? [both] : Separate(group);
        }

        var mark = comma >= 0 ? ',' : dot >= 0 ? '.' : '\0';
        if (mark == '\0')
        {
            return decimal.TryParse(group, NumberStyles.None, CultureInfo.InvariantCulture, out var whole) ? [whole] : [];
        }

        var parts = group.Split(mark);
        if (parts[0].Length is >= 1 and <= 3 && parts.Skip(1).All(p => p.Length == 3) && (mark == ',' || parts.Length > 2))
        {
            return [decimal.Parse(string.Concat(parts), NumberStyles.None, CultureInfo.InvariantCulture)];
        }

        return parts.Length == 2
            ? [decimal.Parse($"{parts[0]}.{parts[1]}", NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)]
            : Separate(group);
    }

    private static IEnumerable<decimal> Separate(string group) =>
        group.Split([',', '.']).Where(p => p.Length > 0).Select(p => decimal.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture));

    /// <summary>"a million", "тысяча" alone are numbers; "hundreds of", "k" or "млн" alone are not.</summary>
    private static bool StartsNumber(string scale, string? previous) =>
        previous is "a" or "an" ? !NumberWords.IsVagueAlone(scale) : NumberWords.IsSingularAlone(scale);

    private static bool IsNumberWord(string word) => NumberWords.Additive.ContainsKey(word) || NumberWords.Scales.ContainsKey(word);

    private static bool Adjacent(Match number, Match next) =>
        next.Index - (number.Index + number.Length) <= 1 && next.Groups["word"].Success;

    private static string Lower(Match token) => token.Value.ToLowerInvariant();

    /// <summary>2.50 and 2.5 are one value (decimal keeps trailing zeros otherwise).</summary>
    private static decimal Normalise(decimal value) => value / 1.000000000000000000000000000000000m;

    [GeneratedRegex(@"(?<num>\d+(?:[.,\u00A0\u202F\u2009 ]\d+)*)|(?<word>\p{L}+)", RegexOptions.CultureInvariant)]
    private static partial Regex TokenRegex();

    [GeneratedRegex(@"(?<=\p{L})['’ʼ](?=\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex WordApostropheRegex();
}

using System.Text;
using System.Text.RegularExpressions;
using CorpusBot.Core.Answering;
using CorpusBot.Core.Retrieval;

namespace CorpusBot.Providers.Chat;

/// <summary>
/// Finds a model's quote in the cited source. The shown quote is always the stored text, located by
/// <see cref="QuoteVerifier"/>; what is forgiven is only how the model wrapped it: quotation marks
/// or an ellipsis around it, different whitespace, or straight instead of curly quotes.
/// </summary>
internal static class QuoteLocator
{
    /// <summary>Shorter quotes prove nothing ("the", "1994"), so they never count as evidence.</summary>
    public const int MinQuoteChars = 8;

    private static readonly char[] Wrappers = ['"', '\'', '“', '”', '„', '«', '»', '‘', '’', '.', '…', ' '];

    public static async Task<Citation?> LocateAsync(QuoteVerifier verifier, Passage passage, string quote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(passage);
        var exact = quote.Trim();
        if (exact.Length < MinQuoteChars)
        {
            return null;
        }

        if (await verifier.LocateAsync(passage.DocumentId, exact, passage.Start, cancellationToken) is { } found)
        {
            return found;
        }

        var unwrapped = Unwrap(exact);
        if (unwrapped.Length < MinQuoteChars)
        {
            return null;
        }

        if (unwrapped != exact && await verifier.LocateAsync(passage.DocumentId, unwrapped, passage.Start, cancellationToken) is { } inner)
        {
            return inner;
        }

        // Same words, different spacing or quote characters: take the stored span and verify that.
        var match = Regex.Match(passage.Text, Pattern(unwrapped), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success && match.Length >= MinQuoteChars
            ? await verifier.LocateAsync(passage.DocumentId, match.Value, passage.Start + match.Index, cancellationToken)
            : null;
    }

    /// <summary>Without surrounding quotation marks, ellipses and full stops (the stored span is exact either way).</summary>
    private static string Unwrap(string quote) => quote.Trim(Wrappers);

    private static string Pattern(string quote)
    {
        var pattern = new StringBuilder();
        var inSpace = false;
        foreach (var c in quote)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!inSpace)
                {
                    pattern.Append(@"\s+");
                }

                inSpace = true;
                continue;
            }

            inSpace = false;
            pattern.Append(c switch
            {
                '\'' or '’' or '‘' => "['’‘]",
                '"' or '“' or '”' or '„' => "[\"“”„]",
                '-' or '–' or '—' => "[-–—]",
                _ => Regex.Escape(new string(c, 1)),
            });
        }

        return pattern.ToString();
    }
}

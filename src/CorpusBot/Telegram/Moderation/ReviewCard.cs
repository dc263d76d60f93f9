using System.Globalization;
using System.Text;
using CorpusBot.Core.Answering;
using CorpusBot.Telegram.Sending;

namespace CorpusBot.Telegram.Moderation;

/// <summary>
/// One answer laid out for a moderator: question, answer, each quote with its document and whether it
/// still verifies against the stored text. Always one message (long parts are shortened) so the
/// approve / reject buttons sit under the whole of it. Every part is cut by its escaped length
/// (a question of 700 "&amp;" is 3500 characters of HTML), and the whole card is cut again if it
/// still does not fit, so no text a user can send makes a card Telegram refuses.
/// </summary>
internal static class ReviewCard
{
    private const int PartLimit = 700;

    public static string Render(ReviewItem item, IReadOnlyList<bool> verified, string? outcome = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(verified);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<b>Answer #{item.Id}</b>");
        if (item.Reported)
        {
            html.Append(" ⚠ <b>reported</b>");
        }

        html.Append(CultureInfo.InvariantCulture, $" · {item.AskedAt:yyyy-MM-dd HH:mm} UTC\n\n");
        html.Append("<b>Question:</b> ").Append(Shorten(item.Question)).Append("\n\n");
        if (item.Refused)
        {
            html.Append("<b>Refused</b> (").Append(Shorten(item.Reason ?? "unknown", 80)).Append(')');
        }
        else if (item.Mode != "extractive")
        {
            html.Append("<b>Answer:</b> ").Append(Shorten(item.AnswerText));
        }
        else
        {
            // An extractive answer's text is its quotes, shown below: the asker saw the short answer first, or the quotes alone.
            var lines = Replies.ShortLine.Group(item.ShortAnswers);
            html.Append("<b>Answer:</b> ").Append(lines.Count == 0
                ? BotTexts.QuotesOnly
                : string.Join(" · ", lines.Select(l => "<b>" + Shorten(l.Text, 200) + "</b> " + l.Markers)));
        }

        var end = outcome is null ? string.Empty : "\n\n<b>" + Shorten(outcome, 200) + "</b>";
        for (var i = 0; i < item.Citations.Count; i++)
        {
            var c = item.Citations[i];
            var ok = i < verified.Count && verified[i];
            var quote = new StringBuilder()
                .Append("\n\n<blockquote>").Append(Shorten(c.Quote)).Append("</blockquote>\n")
                .Append(CultureInfo.InvariantCulture, $"[{i + 1}] ").Append(Shorten(c.Title, 120))
                .Append(" (").Append(Shorten(c.DocumentId, 80)).Append(") — ")
                .Append(ok ? BotTexts.Verified : "<b>" + BotTexts.NotVerified + "</b>");
            var more = string.Create(CultureInfo.InvariantCulture, $"\n\n…and {item.Citations.Count - i} more quote(s) not shown.");
            if (html.Length + quote.Length + more.Length + end.Length > MessageSplitter.MaxLength)
            {
                html.Append(more);
                break;
            }

            html.Append(quote);
        }

        // Each part has a cap, and quotes stop before the card would overflow: it always fits.
        return html.Append(end).ToString();
    }

    /// <summary>Checks each quote against the stored document as it is now.</summary>
    public static async Task<IReadOnlyList<bool>> VerifyAsync(ReviewItem item, QuoteVerifier verifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(verifier);
        var results = new List<bool>(item.Citations.Count);
        foreach (var citation in item.Citations)
        {
            results.Add(await verifier.VerifyAsync(citation, cancellationToken));
        }

        return results;
    }

    /// <summary>The part escaped, at most <paramref name="limit"/> characters of HTML.</summary>
    private static string Shorten(string text, int limit = PartLimit) => Html.EscapeWithin(text, limit);
}

using System.Globalization;
using System.Text;
using CorpusBot.Core.Answering;
using CorpusBot.Telegram.Sending;

namespace CorpusBot.Telegram.Moderation;

/// <summary>
/// One answer laid out for a moderator: question, answer, each quote with its document and whether it
/// still verifies against the stored text. Always one message (long parts are shortened) so the
/// approve / reject buttons sit under the whole of it.
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
        html.Append("<b>Question:</b> ").Append(Html.Escape(Shorten(item.Question))).Append("\n\n");
        if (item.Refused)
        {
            html.Append("<b>Refused</b> (").Append(Html.Escape(item.Reason ?? "unknown")).Append(')');
        }
        else
        {
            html.Append("<b>Answer:</b> ").Append(Html.Escape(Shorten(item.AnswerText)));
        }

        for (var i = 0; i < item.Citations.Count; i++)
        {
            var c = item.Citations[i];
            var ok = i < verified.Count && verified[i];
            html.Append("\n\n<blockquote>").Append(Html.Escape(Shorten(c.Quote))).Append("</blockquote>\n")
                .Append(CultureInfo.InvariantCulture, $"[{i + 1}] ").Append(Html.Escape(Shorten(c.Title, 120)))
                .Append(" (").Append(Html.Escape(Shorten(c.DocumentId, 80))).Append(") — ")
                .Append(ok ? BotTexts.Verified : "<b>" + BotTexts.NotVerified + "</b>");
        }

        if (outcome is not null)
        {
            html.Append("\n\n<b>").Append(Html.Escape(outcome)).Append("</b>");
        }

        var text = html.ToString();
        return text.Length <= MessageSplitter.MaxLength ? text : Html.Escape(Html.ToPlainText(text)[..3900]) + "…";
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

    private static string Shorten(string text, int limit = PartLimit) =>
        text.Length <= limit ? text : string.Concat(text.AsSpan(0, limit), "…");
}

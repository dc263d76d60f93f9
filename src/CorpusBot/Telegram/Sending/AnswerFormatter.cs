using System.Globalization;
using CorpusBot.Core.Answering;
using CorpusBot.Replies;

namespace CorpusBot.Telegram.Sending;

/// <summary>
/// Renders an answer for Telegram's HTML parse mode (<see cref="ReplyLayout"/>): the short answer in bold ("<b>250
/// beds</b> [1]", one per source where sources differ) or a language model's prose, then each verified quote once as a
/// blockquote with the short answer bold inside it — expandable when longer than <see cref="ExpandableQuoteChars"/>, so
/// a reply stays short in a group — under it its number and source (title linked to the document, publisher, date,
/// and the console's quote-in-context page when the console is on). A refusal is the configured refusal message, with
/// the titles of the closest documents when the sources lacked the answer.
/// </summary>
internal static class AnswerFormatter
{
    /// <summary>Quotes longer than this go into an expandable blockquote (Telegram shows its first lines and a toggle).</summary>
    public const int ExpandableQuoteChars = 300;

    /// <param name="answeredQuestion">The question answered when it differs from what was typed (a follow-up made to stand alone), shown first.</param>
    public static IReadOnlyList<string> Format(
        Answer answer, string refusalMessage, int maxLength = MessageSplitter.MaxLength, string? answeredQuestion = null, SourceLinks? links = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var blocks = new List<MessageSplitter.Block>();
        if (!string.IsNullOrWhiteSpace(answeredQuestion))
        {
            blocks.Add(new MessageSplitter.Block("Answering: " + answeredQuestion, "<i>", "</i>"));
        }

        if (answer.Refused)
        {
            // An invalid question gets the validator's message, which says what to change.
            var message = answer.Reason == RefusalReason.InvalidQuestion ? answer.Text : refusalMessage;
            blocks.Add(new MessageSplitter.Block(message));
            if (answer.Reason == RefusalReason.NoEvidence && answer.SuggestedSources.Count > 0)
            {
                blocks.Add(MessageSplitter.Block.Markup(
                    BotTexts.ClosestDocuments + string.Concat(answer.SuggestedSources.Select(s => "\n• " + Html.Link(s.Title, s.Url)))));
            }

            return MessageSplitter.Split(blocks, maxLength);
        }

        var layout = ReplyLayout.Of(answer, links ?? SourceLinks.DocumentsOnly);
        if (layout.Notice is { } notice)
        {
            blocks.Add(new MessageSplitter.Block(notice, "<i>", "</i>"));
        }

        if (layout.ShortLines.Count > 0)
        {
            blocks.Add(MessageSplitter.Block.Markup(string.Join(" · ", layout.ShortLines.Select(l => $"<b>{Html.Escape(l.Text)}</b> {l.Markers}"))));
        }

        if (layout.Prose is { } prose)
        {
            blocks.AddRange(Paragraphs(prose).Select(p => new MessageSplitter.Block(p)));
        }

        foreach (var quote in layout.Quotes)
        {
            var open = quote.Citation.Quote.Length > ExpandableQuoteChars ? "<blockquote expandable>" : "<blockquote>";
            var bold = quote.MarkLength > 0 ? new Range(quote.MarkStart, quote.MarkStart + quote.MarkLength) : (Range?)null;
            blocks.Add(new MessageSplitter.Block(quote.Citation.Quote, open, "</blockquote>", Label(quote), bold));
        }

        return MessageSplitter.Split(blocks, maxLength);
    }

    /// <summary>"[1] Title (linked), Publisher, 2026-01-22 · in context" under a quote.</summary>
    private static string Label(QuoteBlock quote)
    {
        var c = quote.Citation;
        var label = string.Create(CultureInfo.InvariantCulture, $"\n[{quote.Number}] ") + Html.Link(c.Title, quote.DocumentLink?.AbsoluteUri)
            + string.Concat(c.Details.Select(d => ", " + Html.Escape(d)));
        return quote.ContextLink is { } context ? label + " · " + Html.Link("in context", context.AbsoluteUri) : label;
    }

    private static string[] Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

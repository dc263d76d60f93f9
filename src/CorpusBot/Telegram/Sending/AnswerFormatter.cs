using System.Globalization;
using CorpusBot.Core.Answering;

namespace CorpusBot.Telegram.Sending;

/// <summary>
/// Renders an answer for Telegram's HTML parse mode: the answer text, then each verified quote as a
/// blockquote with its number and document title (linked when the URL is known). A refusal is the
/// configured refusal message and nothing else.
/// </summary>
internal static class AnswerFormatter
{
    public static IReadOnlyList<string> Format(Answer answer, string refusalMessage, int maxLength = MessageSplitter.MaxLength)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Refused)
        {
            // An invalid question gets the validator's message, which says what to change.
            var message = answer.Reason == RefusalReason.InvalidQuestion ? answer.Text : refusalMessage;
            return MessageSplitter.Split([new MessageSplitter.Block(message)], maxLength);
        }

        var blocks = new List<MessageSplitter.Block>();
        if (!string.IsNullOrWhiteSpace(answer.Notice))
        {
            blocks.Add(new MessageSplitter.Block(answer.Notice, "<i>", "</i>"));
        }

        blocks.AddRange(Paragraphs(answer.Text).Select(p => new MessageSplitter.Block(p)));
        for (var i = 0; i < answer.Citations.Count; i++)
        {
            var citation = answer.Citations[i];
            var label = string.Create(CultureInfo.InvariantCulture, $"\n[{i + 1}] ") + Html.Link(citation.Title, citation.Url)
                + string.Concat(citation.Details.Select(d => ", " + Html.Escape(d)));
            blocks.Add(new MessageSplitter.Block(citation.Quote, "<blockquote>", "</blockquote>", label));
        }

        return MessageSplitter.Split(blocks, maxLength);
    }

    private static string[] Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

using CorpusBot.Core.Storage;
using CorpusBot.WebConsole.Answers;
using CorpusBot.WebConsole.Documents;

namespace CorpusBot.WebConsole.Review;

/// <summary>A logged answer with each of its quotes placed in the passage that holds it.</summary>
internal sealed record AnswerCard(LoggedAnswer Answer, IReadOnlyList<QuoteInContext> Quotes)
{
    /// <summary>The short-answer line the asker saw first ("250 beds [1] · …"); empty when there was none.</summary>
    public string ShortAnswerLine => CorpusBot.Replies.ShortLine.PlainText(Answer.ShortAnswers);

    /// <summary>Quote <paramref name="index"/> split around its short-answer span (an empty span when it has none).</summary>
    public (string Before, string Span, string After) Marked(int index)
    {
        var quote = Quotes[index].Quote;
        var mark = Answer.ShortAnswers.FirstOrDefault(s => s.Citation == index);
        if (mark is null || !mark.IsInside(Quotes[index].Citation) || quote != Quotes[index].Citation.Quote)
        {
            return (quote, string.Empty, string.Empty);
        }

        var at = mark.OffsetIn(Quotes[index].Citation);
        return (quote[..at], mark.Text, quote[(at + mark.Text.Length)..]);
    }
}

/// <summary>Builds review cards, reading each cited document once per page.</summary>
internal sealed class AnswerCards(DocumentStore documents, PassageQueries passages)
{
    public async Task<IReadOnlyList<AnswerCard>> BuildAsync(IEnumerable<LoggedAnswer> answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var texts = new Dictionary<string, (string? Text, IReadOnlyList<PassageSpan> Passages)>(StringComparer.Ordinal);
        var cards = new List<AnswerCard>();
        foreach (var answer in answers)
        {
            var quotes = new List<QuoteInContext>(answer.Citations.Count);
            foreach (var citation in answer.Citations)
            {
                if (!texts.TryGetValue(citation.DocumentId, out var doc))
                {
                    var stored = await documents.GetAsync(citation.DocumentId, cancellationToken);
                    doc = (stored?.Text, stored is null ? [] : await passages.OfAsync(citation.DocumentId, cancellationToken));
                    texts[citation.DocumentId] = doc;
                }

                quotes.Add(QuoteInContext.Build(citation, doc.Text, doc.Passages));
            }

            cards.Add(new AnswerCard(answer, quotes));
        }

        return cards;
    }
}

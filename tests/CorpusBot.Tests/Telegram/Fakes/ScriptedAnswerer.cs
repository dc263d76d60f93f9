using CorpusBot.Core.Answering;
using CorpusBot.Core.Retrieval;
using CorpusBot.Core.Storage;

namespace CorpusBot.Tests.Telegram.Fakes;

/// <summary>
/// A deterministic answerer seam: questions containing a known key get an answer quoting the given
/// sentence of a stored document (with real offsets, so it verifies); anything else is refused.
/// </summary>
public sealed class ScriptedAnswerer(DocumentStore documents) : IAnswerer
{
    public const string RefusalText = "I can't answer that from the sources I have.";

    public Dictionary<string, (string DocumentId, string Quote, string AnswerText)> Script { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Questions containing a key get an extractive answer, as the built-in reader gives it: these sentences of stored documents, in order.</summary>
    public Dictionary<string, IReadOnlyList<(string DocumentId, string Quote)>> Extracts { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long each answer takes, like a slow model.</summary>
    public TimeSpan Delay { get; set; }

    public async Task<Answer> AnswerAsync(string question, IReadOnlyList<Passage> passages, CancellationToken cancellationToken)
    {
        await Task.Delay(Delay, cancellationToken);
        if (Extracts.FirstOrDefault(e => question.Contains(e.Key, StringComparison.OrdinalIgnoreCase)).Value is { } extract)
        {
            var citations = new List<Citation>();
            foreach (var (documentId, quote) in extract)
            {
                citations.Add(await CiteAsync(documentId, quote, cancellationToken));
            }

            return Answer.Answered(question, string.Join(' ', citations.Select((c, i) => $"{c.Quote} [{i + 1}]")), citations, AnswerMode.Extractive);
        }

        foreach (var (key, (documentId, quote, text)) in Script)
        {
            if (!question.Contains(key, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            return Answer.Answered(question, text, [await CiteAsync(documentId, quote, cancellationToken)], AnswerMode.Llm);
        }

        return Answer.Refusal(question, RefusalReason.NoEvidence, RefusalText, AnswerMode.Llm);
    }

    /// <summary>A citation of <paramref name="quote"/> with its real offsets in the stored document, so it verifies.</summary>
    private async Task<Citation> CiteAsync(string documentId, string quote, CancellationToken cancellationToken)
    {
        var document = await documents.GetAsync(documentId, cancellationToken)
            ?? throw new InvalidOperationException($"Test setup: document {documentId} is not stored.");
        var start = document.Text.IndexOf(quote, StringComparison.Ordinal);
        return new Citation(documentId, document.Title, quote, start, start + quote.Length, document.Url);
    }
}

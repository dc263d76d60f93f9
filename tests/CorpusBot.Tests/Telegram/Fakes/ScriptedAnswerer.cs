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

    /// <summary>How long each answer takes, like a slow model.</summary>
    public TimeSpan Delay { get; set; }

    public async Task<Answer> AnswerAsync(string question, IReadOnlyList<Passage> passages, CancellationToken cancellationToken)
    {
        await Task.Delay(Delay, cancellationToken);
        foreach (var (key, (documentId, quote, text)) in Script)
        {
            if (!question.Contains(key, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var document = await documents.GetAsync(documentId, cancellationToken)
                ?? throw new InvalidOperationException($"Test setup: document {documentId} is not stored.");
            var start = document.Text.IndexOf(quote, StringComparison.Ordinal);
            var citation = new Citation(documentId, document.Title, quote, start, start + quote.Length, document.Url);
            return Answer.Answered(question, text, [citation], AnswerMode.Llm);
        }

        return Answer.Refusal(question, RefusalReason.NoEvidence, RefusalText, AnswerMode.Llm);
    }
}

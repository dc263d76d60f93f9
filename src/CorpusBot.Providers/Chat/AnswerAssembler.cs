using CorpusBot.Core.Answering;
using CorpusBot.Core.Retrieval;
using Microsoft.Extensions.Options;

namespace CorpusBot.Providers.Chat;

/// <summary>
/// Turns a parsed model reply into an <see cref="Answer"/> that holds only verified evidence: each
/// quote is located verbatim in its source's stored document (or dropped); each answer sentence is
/// kept only if one of its [n] markers points to a source with a verified quote; markers are
/// renumbered to the citation list. No verified sentence left, or the model declined: a refusal.
/// </summary>
internal sealed class AnswerAssembler(QuoteVerifier verifier, IOptions<AnsweringOptions> options)
{
    public async Task<Answer> AssembleAsync(string question, ModelReply reply, IReadOnlyList<Passage> passages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(passages);
        if (reply.Refuse)
        {
            return Refusal(question, RefusalReason.ModelRefused);
        }

        var verified = await VerifyQuotesAsync(reply.Quotes, passages, cancellationToken);
        var sentences = AnswerSentences.Split(reply.Answer)
            .Select(s => (s.Text, s.Separator, Sources: AnswerSentences.Sources(s.Text).Where(verified.ContainsKey).ToList()))
            .Where(s => s.Sources.Count > 0)
            .ToList();

        // Number the citations in order of first mention, at most MaxQuotes of them.
        var citations = new List<Citation>();
        var numbers = new Dictionary<int, List<int>>();
        foreach (var source in sentences.SelectMany(s => s.Sources))
        {
            if (numbers.ContainsKey(source))
            {
                continue;
            }

            numbers[source] = [];
            foreach (var citation in verified[source].Where(_ => citations.Count < options.Value.MaxQuotes))
            {
                citations.Add(citation);
                numbers[source].Add(citations.Count);
            }
        }

        var kept = sentences.Where(s => s.Sources.Any(n => numbers[n].Count > 0)).ToList();
        if (kept.Count == 0)
        {
            return Refusal(question, RefusalReason.Unverified);
        }

        var text = string.Concat(kept.Select((s, i) =>
            AnswerSentences.RewriteMarkers(s.Text, n => string.Concat(numbers.GetValueOrDefault(n, []).Select(k => $"[{k}]")))
            + (i < kept.Count - 1 ? (s.Separator.Length > 0 ? s.Separator : " ") : string.Empty)));
        return new Answer(question, false, null, text, citations, Answer.LlmMode, TimeSpan.Zero);
    }

    private async Task<Dictionary<int, List<Citation>>> VerifyQuotesAsync(
        IReadOnlyList<ModelQuote> quotes, IReadOnlyList<Passage> passages, CancellationToken cancellationToken)
    {
        var verified = new Dictionary<int, List<Citation>>();
        var seen = new HashSet<(string, int, int)>();
        foreach (var quote in quotes)
        {
            if (quote.Source < 1 || quote.Source > passages.Count)
            {
                continue;
            }

            var citation = await QuoteLocator.LocateAsync(verifier, passages[quote.Source - 1], quote.Quote, cancellationToken);
            if (citation is not null && seen.Add((citation.DocumentId, citation.Start, citation.End)))
            {
                if (!verified.TryGetValue(quote.Source, out var list))
                {
                    verified[quote.Source] = list = [];
                }

                list.Add(citation);
            }
        }

        return verified;
    }

    private Answer Refusal(string question, string reason) =>
        new(question, true, reason, options.Value.RefusalMessage, [], Answer.LlmMode, TimeSpan.Zero);
}

using CorpusBot.Core.Answering;
using CorpusBot.Core.Answering.Support;
using CorpusBot.Core.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorpusBot.Providers.Chat;

/// <summary>
/// Turns a parsed model reply into an <see cref="Answer"/> that holds only verified evidence: each
/// quote is located verbatim in its source's stored document (or dropped); each answer sentence is
/// kept only if the verified quotes of the sources it cites support it (<see cref="SupportChecker"/>),
/// and its markers then point at just the quotes that hold it, renumbered to the citation list. No sentence held but some quotes verified: the quotes
/// alone, with a notice. Nothing verified, or the model declined: a refusal.
/// </summary>
internal sealed class AnswerAssembler(QuoteVerifier verifier, IOptions<AnsweringOptions> options, ILogger<AnswerAssembler> logger)
{
    public const string QuotesOnlyNotice = "The language model's answer said more than its quotes support, so only the quotes are shown.";

    public async Task<Answer> AssembleAsync(string question, ModelReply reply, IReadOnlyList<Passage> passages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(passages);
        if (reply.Refuse)
        {
            return Refusal(question, RefusalReason.ModelRefused);
        }

        var verified = await VerifyQuotesAsync(reply.Quotes, passages, cancellationToken);
        if (verified.Count == 0)
        {
            return Refusal(question, RefusalReason.Unverified);
        }

        var citations = new List<Citation>();
        var kept = new List<(string Text, string Separator, Dictionary<int, List<int>> Numbers)>();
        var failures = new List<SupportFailure>();
        var sentences = AnswerSentences.Split(reply.Answer);
        foreach (var (text, separator) in sentences)
        {
            var cited = AnswerSentences.Sources(text);
            var candidates = verified.Where(v => cited.Contains(v.Source)).ToList();
            var (support, failure) = ChooseSupport(text, question, candidates, citations);
            if (failure != SupportFailure.None)
            {
                failures.Add(failure);
                continue;
            }

            // This sentence's markers point at the quotes that hold it, numbered in order of first use.
            var numbers = new Dictionary<int, List<int>>();
            foreach (var (source, citation) in support)
            {
                if (!citations.Contains(citation))
                {
                    citations.Add(citation);
                }

                numbers.TryAdd(source, []);
                numbers[source].Add(citations.IndexOf(citation) + 1);
            }

            kept.Add((text, separator, numbers));
        }

        if (failures.Count > 0)
        {
            Log.SentencesDropped(logger, failures.Count, sentences.Count, string.Join(", ", failures.CountBy(f => f).Select(f => $"{f.Key} {f.Value}")));
        }

        if (kept.Count == 0)
        {
            return QuotesOnly(question, verified.Select(v => v.Citation).Take(options.Value.MaxQuotes).ToList());
        }

        var answer = string.Concat(kept.Select((s, i) =>
            AnswerSentences.RewriteMarkers(s.Text, n => string.Concat(s.Numbers.GetValueOrDefault(n, []).Select(k => $"[{k}]")))
            + (i < kept.Count - 1 ? (s.Separator.Length > 0 ? s.Separator : " ") : string.Empty)));
        return Answer.Answered(question, answer, citations, AnswerMode.Llm);
    }

    /// <summary>
    /// The fewest quotes that hold the sentence: one of its sources' quotes alone (one already shown first),
    /// else all of them that fit within MaxQuotes. None hold it: why not, for the log.
    /// </summary>
    private (List<(int Source, Citation Citation)> Support, SupportFailure Failure) ChooseSupport(
        string sentence, string question, List<(int Source, Citation Citation)> candidates, List<Citation> shown)
    {
        var room = options.Value.MaxQuotes - shown.Count;
        foreach (var candidate in candidates.OrderByDescending(c => shown.Contains(c.Citation)))
        {
            if ((room > 0 || shown.Contains(candidate.Citation)) && SupportChecker.Check(sentence, [candidate.Citation.Quote], question) == SupportFailure.None)
            {
                return ([candidate], SupportFailure.None);
            }
        }

        var affordable = candidates.Where(c => shown.Contains(c.Citation))
            .Concat(candidates.Where(c => !shown.Contains(c.Citation)).Take(Math.Max(0, room)))
            .ToList();
        var failure = SupportChecker.Check(sentence, affordable.Select(c => c.Citation.Quote).ToList(), question);
        return (failure == SupportFailure.None ? affordable : [], failure);
    }

    /// <summary>The model's verified quotes, in its order, each with the source number it gave.</summary>
    private async Task<List<(int Source, Citation Citation)>> VerifyQuotesAsync(
        IReadOnlyList<ModelQuote> quotes, IReadOnlyList<Passage> passages, CancellationToken cancellationToken)
    {
        var verified = new List<(int Source, Citation Citation)>();
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
                verified.Add((quote.Source, citation));
            }
        }

        return verified;
    }

    /// <summary>Nothing the model wrote is held by its quotes, but the quotes are real: show them, and say why.</summary>
    private static Answer QuotesOnly(string question, List<Citation> citations) =>
        Answer.Answered(question, string.Join(' ', citations.Select((c, i) => $"{c.Quote} [{i + 1}]")), citations, AnswerMode.Extractive, QuotesOnlyNotice);

    private Answer Refusal(string question, RefusalReason reason) =>
        Answer.Refusal(question, reason, options.Value.RefusalMessage, AnswerMode.Llm);
}

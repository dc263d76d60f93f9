using CorpusBot.Core.Answering.Reader;
using CorpusBot.Core.Retrieval;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Answering;

/// <summary>
/// The built-in (offline) reader. It never writes a word of its own: the answer is one to a few verbatim quotes —
/// a sentence, or a sentence with its neighbour — chosen by meaning (the embedding model's similarity to the
/// question) and by words (rarity-weighted coverage of the question's names, numbers and key terms), and checked
/// for what the question asks (a name, number, date, place or cause). Refusal is the default: it refuses when the
/// question is not in English, not about the corpus, tries to override the rules, or when no candidate fits.
/// </summary>
public sealed class ExtractiveAnswerer(
    QuestionAnalyzer analyzer,
    CandidateSentences candidates,
    SemanticFit semantics,
    QuoteVerifier verifier,
    IOptions<AnsweringOptions> options) : IAnswerer
{
    public async Task<Answer> AnswerAsync(string question, IReadOnlyList<Passage> passages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(passages);
        if (QuestionLanguage.DetectUnsupported(question) is { } language)
        {
            return Refuse(question, RefusalReason.UnsupportedLanguage, [], QuestionLanguage.UnsupportedMessage(language));
        }

        if (ScopeGuard.IsInstructionOverride(question))
        {
            return Refuse(question, RefusalReason.InstructionOverride, []);
        }

        if (ScopeGuard.IsChitChat(question))
        {
            return Refuse(question, RefusalReason.OutOfScope, []);
        }

        var profile = await analyzer.AnalyzeAsync(question, cancellationToken);
        // Mostly about things the corpus never mentions, and no name it knows: not about these sources at all. An everyday
        // word the corpus happens not to use ("come" in "where did the wounded soldiers come from?") says nothing of the topic.
        var unknownWeight = profile.KeyTerms.Where(t => !t.InCorpus && !EverydayLexicon.Contains(t.Word)).Sum(t => t.Weight);
        var mentionsKnownName = profile.KeyTerms.Any(t => t.IsName && t.InCorpus);
        if (profile.KeyTerms.Count == 0 || (unknownWeight >= profile.TotalWeight * 0.5 && !mentionsKnownName))
        {
            return Refuse(question, RefusalReason.OutOfScope, []);
        }

        var suggestions = passages.Select(p => p.DocumentId).Distinct().Take(3).ToList();
        // A name or number the corpus never mentions cannot be answered from it.
        if (passages.Count == 0
            || profile.KeyTerms.Any(t => t.IsNumber && !t.InCorpus && !TermCoverage.MayBeSpelled(t.Stem))
            || profile.KeyTerms.Count(t => t.IsName && !t.InCorpus) > profile.NameSlack)
        {
            return Refuse(question, RefusalReason.NoEvidence, suggestions);
        }

        var pool = await candidates.CollectAsync(passages, cancellationToken);
        if (Bylines.Find(profile, pool) is { } byline)
        {
            return await QuoteAsync(question, [new Citation(byline.DocumentId, byline.Title, byline.Text, byline.Start, byline.End, byline.Url)], suggestions, cancellationToken);
        }

        var settings = QuoteUnits.For(options.Value, semantics);
        var units = await QuoteUnits.BuildAsync(profile, pool, semantics, settings, cancellationToken);
        var selected = FigureRuns.Extend(profile, QuoteUnits.Select(profile, units, settings), pool.Sentences);
        if (selected.Count == 0)
        {
            return Refuse(question, RefusalReason.NoEvidence, suggestions);
        }

        var citations = selected
            .Select(u => new Citation(u.DocumentId, u.First.Title, pool.DocumentTexts[u.DocumentId][u.Start..u.End], u.Start, u.End, u.First.Url))
            .ToList();
        return await QuoteAsync(question, citations, suggestions, cancellationToken);
    }

    /// <summary>Answers with the quotes that verify against their stored documents; refuses when none does.</summary>
    private async Task<Answer> QuoteAsync(string question, List<Citation> citations, List<string> suggestions, CancellationToken cancellationToken)
    {
        var verified = await verifier.FilterVerifiedAsync(citations, cancellationToken);
        if (verified.Count == 0)
        {
            return Refuse(question, RefusalReason.Unverified, suggestions);
        }

        var text = string.Join(' ', verified.Select((c, i) => $"{c.Quote} [{i + 1}]"));
        return Answer.Answered(question, text, verified, AnswerMode.Extractive);
    }

    private Answer Refuse(string question, RefusalReason reason, List<string> suggestions, string? message = null) =>
        Answer.Refusal(question, reason, message ?? options.Value.RefusalMessage, AnswerMode.Extractive, suggestions);
}

using CorpusBot.Core.Retrieval;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Answering;

/// <summary>
/// The built-in answerer. It never writes a word of its own: the answer is the retrieved sentences
/// that best cover the question, each cited to its document with exact offsets and verified
/// against the stored text. It refuses when the question is not about the corpus, tries to
/// override the rules, or when the sentences do not cover the question's names, numbers and
/// enough of its key terms.
/// </summary>
public sealed class ExtractiveAnswerer(QuestionAnalyzer analyzer, QuoteVerifier verifier, IOptions<AnsweringOptions> options) : IAnswerer
{
    /// <summary>A further quote must score at least this share of the best one.</summary>
    private const double CompanionShare = 0.75;

    /// <summary>Content words a quote must add to the question's own: "Tesla Q2 2020 revenue." answers nothing.</summary>
    private const int MinNewWords = 1;

    public async Task<Answer> AnswerAsync(string question, IReadOnlyList<Passage> passages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(passages);
        var settings = options.Value;
        if (ScopeGuard.IsInstructionOverride(question))
        {
            return Refuse(question, RefusalReason.InstructionOverride, []);
        }

        if (ScopeGuard.IsChitChat(question))
        {
            return Refuse(question, RefusalReason.OutOfScope, []);
        }

        var profile = await analyzer.AnalyzeAsync(question, cancellationToken);
        // Mostly about things the corpus never mentions, and no name it knows: not about these sources at all.
        var unknownWeight = profile.KeyTerms.Where(t => !t.InCorpus).Sum(t => t.Weight);
        var mentionsKnownName = profile.KeyTerms.Any(t => t.IsName && t.InCorpus);
        if (profile.KeyTerms.Count == 0 || (unknownWeight >= profile.TotalWeight * 0.5 && !mentionsKnownName))
        {
            return Refuse(question, RefusalReason.OutOfScope, []);
        }

        var suggestions = passages.Select(p => p.DocumentId).Distinct().Take(3).ToList();
        // A name or number the corpus never mentions cannot be answered from it.
        if (passages.Count == 0 || profile.KeyTerms.Any(t => (t.IsName || t.IsNumber) && !t.InCorpus))
        {
            return Refuse(question, RefusalReason.NoEvidence, suggestions);
        }

        var ranked = SentenceScorer.Score(profile, passages);
        // Each quote must stand as an answer on its own: it names every number and distinctive name of
        // the question (a sentence about 2018 does not answer "in 2019"), it says something beyond the
        // question's own words, and for who / how many / when it holds a name, number or date.
        var mustCover = profile.KeyTerms.Where(t => t.MustCover).Select(t => t.Stem).ToList();
        var needsCue = profile.Type is QuestionType.Who or QuestionType.HowMany or QuestionType.When;
        ranked = ranked
            .Where(c => mustCover.All(c.CoveredStems.Contains) && c.NewWords >= MinNewWords && (!needsCue || c.HasCue))
            .ToList();

        var selected = Select(ranked, settings);
        var covered = selected.SelectMany(s => s.CoveredStems).ToHashSet(StringComparer.Ordinal);
        var coverage = profile.KeyTerms.Where(t => covered.Contains(t.Stem)).Sum(t => t.Weight) / profile.TotalWeight;
        var missingName = profile.KeyTerms.Any(t => t.MustCover && !covered.Contains(t.Stem));
        if (selected.Count == 0 || selected[0].Score < settings.MinSentenceScore || coverage < settings.MinCoverage || missingName)
        {
            return Refuse(question, RefusalReason.NoEvidence, suggestions);
        }

        var citations = selected
            .Select(s => new Citation(s.Passage.DocumentId, s.Passage.DocumentTitle, s.Text, s.Start, s.End, s.Passage.DocumentUrl))
            .ToList();
        var verified = await verifier.FilterVerifiedAsync(citations, cancellationToken);
        if (verified.Count == 0)
        {
            return Refuse(question, RefusalReason.Unverified, suggestions);
        }

        var text = string.Join(' ', verified.Select((c, i) => $"{c.Quote} [{i + 1}]"));
        return Answer.Answered(question, text, verified, AnswerMode.Extractive);
    }

    /// <summary>
    /// The best sentence, then others that either cover a key term not yet covered or come from another
    /// document (so where sources disagree, each speaks in its own words), while they score close to the best.
    /// </summary>
    private static List<CandidateSentence> Select(List<CandidateSentence> ranked, AnsweringOptions settings)
    {
        var selected = new List<CandidateSentence>();
        if (ranked.Count == 0 || ranked[0].Coverage <= 0)
        {
            return selected;
        }

        selected.Add(ranked[0]);
        var floor = Math.Max(settings.MinSentenceScore, ranked[0].Score * CompanionShare);
        foreach (var candidate in ranked.Skip(1))
        {
            if (selected.Count >= settings.MaxQuotes || candidate.Score < floor)
            {
                break;
            }

            var addsTerm = candidate.CoveredStems.Any(s => !selected.Any(x => x.CoveredStems.Contains(s)));
            var newDocument = selected.All(x => x.Passage.DocumentId != candidate.Passage.DocumentId);
            if (addsTerm || newDocument)
            {
                selected.Add(candidate);
            }
        }

        return selected;
    }

    private Answer Refuse(string question, RefusalReason reason, List<string> suggestions) =>
        Answer.Refusal(question, reason, options.Value.RefusalMessage, AnswerMode.Extractive, suggestions);
}

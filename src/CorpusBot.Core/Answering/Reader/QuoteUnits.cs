using CorpusBot.Core.Text;

namespace CorpusBot.Core.Answering.Reader;

/// <summary>
/// Scores the candidate sentences and their neighbour pairs, and picks what to quote. Meaning and words are
/// blended: a paraphrase ("cared for injured troops") scores by meaning, a rare name or number by words. A unit
/// can be quoted only if it holds every number and distinctive name of the question, says something beyond the
/// question's own words, and shows what the question asks for (a name, number, date, place or cause).
/// </summary>
public static partial class QuoteUnits
{
    /// <summary>A neighbour pair must beat the single sentence by this much to be quoted instead (shorter quotes read better).</summary>
    private const double PairPenalty = 0.02;

    /// <summary>Least relevance of the sentence that shows the cue (see <see cref="QuoteUnit.CueFit"/>).</summary>
    private const double MinCueFit = 0.3;

    /// <summary>Least relevance of the cue sentence for who/how-many/when/where questions when meaning is known.</summary>
    private const double MinTypedCueFit = 0.35;


    /// <summary>A further quote must score at least this share of the best one.</summary>
    private const double CompanionShare = 0.85;

    private const double RankBonus = 0.05;

    /// <summary>
    /// A when-question wants the date itself: a quote with the full date ("released on May 15, 2012") is preferred to
    /// one with only its month or year ("released May 2012"). Plateau 0.05–0.15 on RGB; no dev-set case moves.
    /// </summary>
    private const double DateBonus = 0.1;

    /// <summary>
    /// A how-many question wants the number of the thing it counts: a quote that gives it ("to leave 250 beds free" for
    /// "how many beds were kept free") is preferred, as a when-question prefers the full date.
    /// </summary>
    private const double CountBonus = 0.1;

    /// <summary>A who-question's answer that states the relation asked in its words ranks higher (see <see cref="StatesRelation"/>).</summary>
    private const double RelationBonus = 0.1;

    private const double WordsOnlyMinCoverage = 0.6;

    private const double WordsOnlyMinScore = 0.35;

    /// <summary>Longest run of neighbouring sentences quoted as one: the matching sentence and the answer up to two sentences on.</summary>
    private const int MaxUnitSentences = 3;

    public static async Task<List<QuoteUnit>> BuildAsync(
        QuestionProfile profile, ReaderCandidates pool, SemanticFit semantics, AnsweringOptions settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(semantics);
        ArgumentNullException.ThrowIfNull(settings);
        var sentences = pool.Sentences;
        // An announcement of an event still to come holds nothing of what came of it (see OtherTarget.StillToCome); whether
        // the question asks that is worked out once.
        var asksWhatCameOf = OtherTarget.AsksWhatCameOf(profile);
        var covered = sentences.Select(s => asksWhatCameOf && OtherTarget.Announces(s.Text) ? [] : TermCoverage.Covered(profile, s.Text)).ToList();
        var position = Enumerable.Range(0, sentences.Count).ToDictionary(i => (sentences[i].DocumentId, sentences[i].Index));
        // Only a sentence in some unit that holds the question's numbers and distinctive names can be quoted (those are
        // never paraphrased, so the words decide it): the model reads no other, which keeps a question's cost to what it
        // asks about rather than to how many passages share its common words.
        var viable = Viable(profile, sentences, covered, position);
        var credits = await Paraphrases.CreditsAsync(profile, sentences.Select(s => s.Text).ToList(), covered, semantics, cancellationToken, viable);
        var coverage = credits.Select(c => Paraphrases.Share(profile, c)).ToList();
        var cues = sentences.Select(s => AnswerCue.Shows(profile, s.Text)).ToList();
        var newWords = sentences.Select(s => TermCoverage.NewWords(profile, s.Text)).ToList();

        // Embed only the sentences worth a look: the best by words, the sentences of the best passages, and
        // their neighbours. Everything else keeps a fit of 0 and can still win by words.
        var byWords = Enumerable.Range(0, sentences.Count)
            .OrderByDescending(i => coverage[i]).ThenBy(i => sentences[i].PassageRank)
            .Take(settings.SemanticCandidates / 2)
            .ToList();
        var chosen = new HashSet<int>(byWords);
        foreach (var i in Enumerable.Range(0, sentences.Count).Where(i => sentences[i].PassageRank < 2 && sentences[i].Retrieved))
        {
            chosen.Add(i);
        }

        foreach (var i in byWords.Take(settings.SemanticCandidates / 4))
        {
            chosen.UnionWith(Neighbours(sentences, i));
        }

        var embedded = chosen.Order().Take(settings.SemanticCandidates).Where(i => viable[i]).ToList();
        var cosines = await semantics.ScoreAsync(profile.Question, embedded.Select(i => sentences[i].Text).ToList(), cancellationToken);
        var fit = new double[sentences.Count];
        for (var k = 0; k < embedded.Count; k++)
        {
            fit[embedded[k]] = Scale(cosines[k], settings);
        }

        // Units: each sentence alone, and runs of up to MaxUnitSentences neighbours in one document.
        var holdsFocus = sentences.Select((s, i) => QuestionFocus.HeldBy(profile, credits[i], s.Text)).ToList();
        var continues = sentences
            .Select(s => position.TryGetValue((s.DocumentId, s.Index - 1), out var previous) && Continuation.Continues(sentences[previous].Text, s.Text))
            .ToList();
        var countsAsked = sentences.Select(s => AnswerCue.CountsAskedThing(profile, s.Text)).ToList();
        var statesRelation = StatesRelation(profile, sentences, cues, covered);
        var features = new SentenceFeatures(sentences, covered, credits, coverage, cues, holdsFocus, continues, newWords, fit, countsAsked, statesRelation);
        var units = Runs(sentences, position).Select(run => Unit(profile, run, features, settings)).ToList();
        return units.OrderByDescending(u => u.Score).ThenBy(u => u.First.PassageRank).ThenBy(u => u.Start).ToList();
    }

    /// <summary>The best acceptable unit, then others that add a source, a figure or a key term while they score close to it.</summary>
    public static List<QuoteUnit> Select(QuestionProfile profile, IReadOnlyList<QuoteUnit> ranked, AnsweringOptions settings)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(settings);
        var acceptable = ranked.Where(u => Acceptable(profile, u, settings)).ToList();
        var selected = new List<QuoteUnit>();
        if (acceptable.Count == 0)
        {
            return selected;
        }

        selected.Add(acceptable[0]);
        var floor = Math.Max(settings.MinSentenceScore, acceptable[0].Score * CompanionShare);
        foreach (var candidate in acceptable.Skip(1))
        {
            if (selected.Count >= settings.MaxQuotes)
            {
                break;
            }

            // Sources that disagree: another figure for the very thing a how-many question counts ("we treated about 160
            // to 170 wounded" beside the database's "nearly 900 wounded Russian soldiers") is shown however much less the
            // rest of its sentence fits; it only has to be acceptable on its own.
            if (candidate.Score < floor && !(profile.Type == QuestionType.HowMany && candidate.CountsAskedThing))
            {
                continue;
            }

            // Two documents that carry the very same sentence (a wire story reprinted) say nothing more when it is quoted twice.
            if (selected.Exists(candidate.Overlaps) || SaysNothingMore(selected, candidate))
            {
                continue;
            }

            var addsTerm = candidate.CoveredStems.Any(s => !selected.Exists(x => x.CoveredStems.Contains(s)));
            var newDocument = selected.TrueForAll(x => x.DocumentId != candidate.DocumentId);
            // Several parties' figures within one article: a how-many answer with another figure is its own quote.
            var anotherFigure = profile.Type == QuestionType.HowMany;
            if (addsTerm || newDocument || anotherFigure)
            {
                selected.Add(candidate);
            }
        }

        return selected;
    }

    /// <summary>
    /// Whether <paramref name="candidate"/> would quote again, word for word, a sentence already quoted from another
    /// document. A page's date label ("Jul 22, 2020 ...") is shared by many snippets and tells nothing itself.
    /// </summary>
    private static bool SaysNothingMore(List<QuoteUnit> selected, QuoteUnit candidate)
    {
        var quoted = selected.SelectMany(x => x.Sentences).Select(s => Spaces().Replace(s.Text, " ")).ToHashSet(StringComparer.Ordinal);
        return candidate.Sentences.Any(s => !OtherTarget.IsDateLabel(s.Text) && quoted.Contains(Spaces().Replace(s.Text, " ")));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex Spaces();

    private static bool Acceptable(QuestionProfile profile, QuoteUnit unit, AnsweringOptions settings)
    {
        var mustCover = profile.HoldsSpecifics(unit.CoveredStems);
        // With meaning to go by, a who/how-many/when/where answer is judged by the sentence that shows the asked-for
        // name, number, date or place: it must itself be about the question (relevance ≥ MinTypedCueFit), which is
        // what tells "hundreds were treated" (answers "how many were treated") from an on-topic sentence beside a
        // figure. Why-questions and words-only reading keep the looser cue and the overall fit test.
        var strictCue = settings.SemanticWeight > 0 && profile.Type is not (QuestionType.Why or QuestionType.Other);
        // A sentence that gives the number of the very thing asked about ("to leave 250 beds free") is no figure that
        // merely sits beside an on-topic sentence, whatever its relevance.
        var cue = !AnswerCue.Required(profile.Type) || (unit.Cue && (unit.CueFit >= (strictCue ? MinTypedCueFit : MinCueFit) || unit.CountsAskedThing));
        var fits = strictCue || unit.Coverage >= settings.MinCoverage || unit.Fit >= settings.MinSemanticFit;
        // "Did Belarus get paid for treating the soldiers?" is not answered by a sentence about the treatment alone.
        var speaksOfTheAct = unit.HoldsFocus || !QuestionFocus.IsYesNo(profile.Question);
        return mustCover && cue && fits && speaksOfTheAct && unit.NewWords >= 1 && unit.Score >= settings.MinSentenceScore;
    }

    private static QuoteUnit Unit(QuestionProfile profile, int[] run, SentenceFeatures f, AnsweringOptions settings)
    {
        var sentences = run.Select(i => f.Sentences[i]).ToList();
        var union = run.SelectMany(i => f.Covered[i]).ToHashSet(StringComparer.Ordinal);
        var credits = Merge(run.Select(i => f.Credits[i]));
        var coverage = Paraphrases.Share(profile, credits);
        var bestFit = run.Max(i => f.Fit[i]);
        // The sentence that shows the asked-for name, number, date or place must itself be about the question,
        // not just sit beside a sentence that is: otherwise any name next to an on-topic sentence would do.
        // For typed questions the cue sentence must also hold the question's focus word ("won", "revenue", "died").
        // A sentence that carries on the one before it in the run ("It was released on …") is judged with that one, and
        // with the one that carries on in turn (a value, its label and the line the label is a field of).
        var cueFit = run.Select((_, k) => CachedCueRelevance(profile, f, settings, run[ChainStart(run, k, f)..(k + 1)]))
            .DefaultIfEmpty(-1).Max();
        var newWords = run.Sum(i => f.NewWords[i]);
        var rank = sentences.Min(s => s.PassageRank);
        var countsAsked = run.Any(i => f.CountsAsked[i]);
        var statesRelation = run.Any(i => f.StatesRelation[i]);
        var score = (settings.SemanticWeight * bestFit) + ((1 - settings.SemanticWeight) * coverage)
            + (RankBonus / (1 + rank)) - (PairPenalty * (sentences.Count - 1))
            + (profile.Type == QuestionType.When ? DateBonus * DatePrecision(profile, sentences) : 0)
            + (countsAsked ? CountBonus : 0)
            + (statesRelation ? RelationBonus : 0);
        return new QuoteUnit(sentences, union, bestFit, coverage, cueFit >= 0, newWords, score)
        {
            CueFit = cueFit, CountsAskedThing = countsAsked, HoldsFocus = run.Any(i => f.HoldsFocus[i]),
        };
    }

    /// <summary>
    /// How exactly a unit dates what it tells (see <see cref="AnswerCue.DatePrecision"/>): a page's date ("Last updated:
    /// January 22, 2026") counts only when no other sentence of the unit gives a date ("… handed over … on Tuesday").
    /// </summary>
    private static double DatePrecision(QuestionProfile profile, List<ReaderSentence> sentences)
    {
        var own = sentences.Where(s => !OtherTarget.IsDateLabel(s.Text)).ToList();
        var dated = own.Exists(s => AnswerCue.Shows(profile, s.Text)) ? own : sentences;
        return AnswerCue.DatePrecision(string.Join(' ', dated.Select(s => s.Text)));
    }

    /// <summary>
    /// For each sentence, whether it states the asked relation in the question's own words: it shows a new name, holds
    /// the focus verb itself and every word that picks out what the verb is about ("… a blogger who founded the project
    /// Hajun" for "who founded the Hajun project that tracks military movements"). Words of a relative clause ("that
    /// tracks …") only describe the thing and may be missing; its modifiers may not ("the women's singles U.S. Open" is
    /// not the Women's British Open).
    /// </summary>
    private static List<bool> StatesRelation(
        QuestionProfile profile, IReadOnlyList<ReaderSentence> sentences, List<bool> cues, List<HashSet<string>> covered)
    {
        if (profile.Type != QuestionType.Who || profile.Focus.Count == 0)
        {
            return [.. sentences.Select(_ => false)];
        }

        var head = RelativeClause().Split(profile.Question, 2)[0];
        var identifying = Tokenizer.ContentWords(head).Select(Tokenizer.Stem).Where(s => profile.KeyTerms.Any(t => t.Stem == s)).ToList();
        var specifics = profile.KeyTerms.Where(t => t.MustCover || t.IsName).Select(t => t.Stem).ToList();
        return [.. sentences.Select((s, i) => cues[i]
            && identifying.TrueForAll(covered[i].Contains)
            && specifics.TrueForAll(covered[i].Contains)
            && profile.Focus.All(Tokenizer.Words(s.Text).Contains))];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s(?:that|which|whose)\s", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex RelativeClause();

    /// <summary>
    /// Where the chain of sentences that sentence <paramref name="k"/> of the run carries on starts: a value carries on its
    /// label, which carries on the line it is a field of ("… Expansion Pass Bundle ... Release date. December 1, 2017").
    /// </summary>
    private static int ChainStart(int[] run, int k, SentenceFeatures f)
    {
        var j = k;
        while (j > 0 && f.Continues[run[j]])
        {
            j--;
        }

        return j;
    }

    /// <summary>
    /// <see cref="CueRelevance"/> of the last sentence of <paramref name="chain"/>, read with the sentences before it that it
    /// carries on, worked out once per question: a sentence stands in up to <see cref="MaxUnitSentences"/> runs.
    /// </summary>
    private static double CachedCueRelevance(QuestionProfile profile, SentenceFeatures f, AnsweringOptions settings, int[] chain)
    {
        var key = chain.Length > 1 ? (chain[0], chain[^1]) : (-1, chain[0]);
        if (!f.CueRelevance.TryGetValue(key, out var relevance))
        {
            relevance = CueRelevance(profile, f, settings, chain);
            f.CueRelevance[key] = relevance;
        }

        return relevance;
    }

    /// <summary>
    /// Relevance of a sentence read alone, or of a sentence read with the one it carries on (<paramref name="about"/>):
    /// -1 when they show no cue or hold no focus word, else meaning and words blended over them.
    /// </summary>
    private static double CueRelevance(QuestionProfile profile, SentenceFeatures f, AnsweringOptions settings, params int[] about)
    {
        if (!about.Any(i => f.Cues[i]) || !about.Any(i => f.HoldsFocus[i]))
        {
            return -1;
        }

        if (AboutAnother(profile, f, about))
        {
            return -1;
        }

        var coverage = about.Length == 1 ? f.Coverage[about[0]] : Paraphrases.Share(profile, Merge(about.Select(i => f.Credits[i])));
        return (settings.SemanticWeight * about.Max(i => f.Fit[i])) + ((1 - settings.SemanticWeight) * coverage);
    }

    /// <summary>
    /// Whether the cue sentence (with the one it carries on) tells of another year, season, office holder or stage of
    /// the contest (<see cref="OtherTarget"/>). A page's date before a snippet ("Jul 7, 2018 ...") dates the page, not
    /// what the snippet tells; but when it is the only date a when-question gets, it is the answer and must be of the
    /// question's year. When the cue is in the first of two sentences, its own years decide: the next one carries on
    /// what it named ("Shibuno won the 2019 Women's British Open … The event will be the first … of 2020").
    /// </summary>
    private static bool AboutAnother(QuestionProfile profile, SentenceFeatures f, int[] about)
    {
        var own = about.Where(i => !OtherTarget.IsDateLabel(f.Sentences[i].Text)).ToList();
        var text = string.Join(' ', own.Select(i => f.Sentences[i].Text));
        var yearText = own.Count > 1 && f.Cues[own[0]] ? f.Sentences[own[0]].Text : text;
        var labelOnly = !own.Exists(i => f.Cues[i]);
        return OtherTarget.IsAbout(profile, text)
            || OtherTarget.AnotherYear(profile, yearText)
            || (labelOnly && OtherTarget.AnotherYear(profile, string.Join(' ', about.Where(i => !own.Contains(i)).Select(i => f.Sentences[i].Text))));
    }

    /// <summary>Each key term's best credit over several sentences.</summary>
    private static Dictionary<string, double> Merge(IEnumerable<Dictionary<string, double>> credits) =>
        credits.SelectMany(c => c)
            .GroupBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(kv => kv.Value), StringComparer.Ordinal);

    /// <summary>What is known of each candidate sentence, computed once per question.</summary>
    private sealed record SentenceFeatures(
        IReadOnlyList<ReaderSentence> Sentences, List<HashSet<string>> Covered, List<Dictionary<string, double>> Credits, List<double> Coverage, List<bool> Cues,
        List<bool> HoldsFocus, List<bool> Continues, List<int> NewWords, double[] Fit, List<bool> CountsAsked, List<bool> StatesRelation)
    {
        /// <summary>Cue relevance by (first sentence of the chain carried on or -1, sentence), filled as units are scored.</summary>
        public Dictionary<(int First, int Sentence), double> CueRelevance { get; } = [];
    }

    /// <summary>For each sentence, whether a unit holding it (a run of up to <see cref="MaxUnitSentences"/>) holds the question's specifics.</summary>
    private static bool[] Viable(
        QuestionProfile profile, IReadOnlyList<ReaderSentence> sentences, List<HashSet<string>> covered, Dictionary<(string, int), int> position)
    {
        var viable = new bool[sentences.Count];
        foreach (var run in Runs(sentences, position))
        {
            if (profile.HoldsSpecifics(run.SelectMany(i => covered[i]).ToHashSet(StringComparer.Ordinal)))
            {
                foreach (var i in run)
                {
                    viable[i] = true;
                }
            }
        }

        return viable;
    }

    /// <summary>The sentences of every unit: each sentence alone, then with up to <see cref="MaxUnitSentences"/> − 1 of the sentences after it in its document.</summary>
    private static IEnumerable<int[]> Runs(IReadOnlyList<ReaderSentence> sentences, Dictionary<(string, int), int> position)
    {
        for (var i = 0; i < sentences.Count; i++)
        {
            var run = new List<int> { i };
            yield return [.. run];
            while (run.Count < MaxUnitSentences && position.TryGetValue((sentences[i].DocumentId, sentences[run[^1]].Index + 1), out var next))
            {
                run.Add(next);
                yield return [.. run];
            }
        }
    }

    private static IEnumerable<int> Neighbours(IReadOnlyList<ReaderSentence> sentences, int i) =>
        Enumerable.Range(0, sentences.Count)
            .Where(k => sentences[k].DocumentId == sentences[i].DocumentId && Math.Abs(sentences[k].Index - sentences[i].Index) == 1);

    /// <summary>The settings to read with: without a semantic model, meaning counts for nothing and only words make a quote fit.</summary>
    public static AnsweringOptions For(AnsweringOptions settings, SemanticFit semantics)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(semantics);
        // Words alone: the word thresholds the extractive answerer had before it read meaning (0.6 and 0.35).
        return semantics.IsSemantic ? settings : new()
        {
            MaxQuotes = settings.MaxQuotes,
            MinCoverage = WordsOnlyMinCoverage,
            MinSentenceScore = WordsOnlyMinScore,
            MinSemanticFit = settings.MinSemanticFit,
            SemanticWeight = 0,
            SemanticFloor = settings.SemanticFloor,
            SemanticCeiling = settings.SemanticCeiling,
            SemanticCandidates = 0,
            TopK = settings.TopK,
            RefusalMessage = settings.RefusalMessage,
            MaxQuestionChars = settings.MaxQuestionChars,
        };
    }

    private static double Scale(double cosine, AnsweringOptions settings) =>
        Math.Clamp((cosine - settings.SemanticFloor) / (settings.SemanticCeiling - settings.SemanticFloor), 0, 1);
}

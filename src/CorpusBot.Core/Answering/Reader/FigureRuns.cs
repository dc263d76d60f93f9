using CorpusBot.Core.Text;

namespace CorpusBot.Core.Answering.Reader;

/// <summary>
/// One article often reports several parties' figures for the same count one after another: "the first losses amounted to
/// 498 Russian infantrymen killed …", then "The US and NATO at about the same time put the death toll at … between 3,000
/// and 10,000", then Shoigu's revised "some 6,000". A how-many answer quoting one of them is carried on through the
/// neighbouring sentences that give another figure for it, so the reader sees that the sources disagree and who says what.
/// </summary>
public static class FigureRuns
{
    /// <summary>Most sentences a quote may take on this way, on either side together.</summary>
    private const int MaxAdded = 3;

    /// <summary>
    /// A sentence this short between two figures ("U. S. estimates.", a subheading the source left in its text) is carried
    /// along; a longer one without a figure ends the run.
    /// </summary>
    private const int MaxBridgeWords = 4;

    /// <summary>
    /// <paramref name="selected"/> with each how-many quote carried on through the sentences next to it that give another
    /// figure for what is counted. Quotes of other questions, and runs that would reach another selected quote, are left as
    /// they are.
    /// </summary>
    public static List<QuoteUnit> Extend(QuestionProfile profile, IReadOnlyList<QuoteUnit> selected, IReadOnlyList<ReaderSentence> pool)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(selected);
        ArgumentNullException.ThrowIfNull(pool);
        // Only a question that names the counted act ("how many … died") says what another figure must be a figure of; a
        // number of the same things alone may count them for another act ("dozens of other Belarusian doctors" arrested,
        // beside "some 3,000 doctors could be called in").
        if (profile.Type != QuestionType.HowMany || profile.Focus.Count == 0)
        {
            return [.. selected];
        }

        var byPosition = pool.GroupBy(s => (s.DocumentId, s.Index)).ToDictionary(g => g.Key, g => g.First());
        var result = new List<QuoteUnit>(selected.Count);
        for (var i = 0; i < selected.Count; i++)
        {
            var unit = selected[i];
            var others = selected.Where((_, k) => k != i).ToList();
            var before = Figures(profile, unit, byPosition, others, step: -1);
            var after = Figures(profile, unit, byPosition, others, step: +1, MaxAdded - before.Count);
            result.Add(before.Count + after.Count == 0 ? unit : unit with { Sentences = [.. before, .. unit.Sentences, .. after] });
        }

        return result;
    }

    /// <summary>The sentences on one side of <paramref name="unit"/> that give another figure, in document order.</summary>
    private static List<ReaderSentence> Figures(
        QuestionProfile profile, QuoteUnit unit, Dictionary<(string, int), ReaderSentence> byPosition, List<QuoteUnit> others, int step, int room = MaxAdded)
    {
        var taken = new List<ReaderSentence>();
        var pending = new List<ReaderSentence>();
        var index = (step < 0 ? unit.First.Index : unit.Last.Index) + step;
        while (taken.Count + pending.Count < room && byPosition.TryGetValue((unit.DocumentId, index), out var sentence)
            && !others.Exists(o => o.DocumentId == unit.DocumentId && o.Start < sentence.End && sentence.Start < o.End))
        {
            if (GivesFigure(profile, sentence.Text))
            {
                taken.AddRange(pending);
                taken.Add(sentence);
                pending.Clear();
            }
            else if (pending.Count == 0 && Tokenizer.Words(sentence.Text).Count <= MaxBridgeWords)
            {
                pending.Add(sentence);
            }
            else
            {
                break;
            }

            index += step;
        }

        if (step < 0)
        {
            taken.Reverse();
        }

        return taken;
    }

    /// <summary>A number that is not the question's own, in a sentence that names the counted act ("killed", "death toll" for "died").</summary>
    private static bool GivesFigure(QuestionProfile profile, string sentence) =>
        AnswerCue.Shows(profile, sentence)
        && QuestionFocus.HeldBy(profile, TermCoverage.Covered(profile, sentence).ToDictionary(s => s, _ => 1.0, StringComparer.Ordinal), sentence);
}

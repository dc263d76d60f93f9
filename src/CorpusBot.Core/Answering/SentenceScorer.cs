using System.Text.RegularExpressions;
using CorpusBot.Core.Chunking;
using CorpusBot.Core.Retrieval;
using CorpusBot.Core.Text;

namespace CorpusBot.Core.Answering;

/// <summary>
/// Scores each sentence of the retrieved passages by the weighted share of the question's key terms
/// it contains, plus a bonus when it shows the cue the question type asks for (a name for "who",
/// a number for "how many", a date for "when", a place for "where").
/// </summary>
public static partial class SentenceScorer
{
    private const double CueBonus = 0.2;
    private const double RankBonus = 0.1;

    public static List<CandidateSentence> Score(QuestionProfile profile, IReadOnlyList<Passage> passages)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(passages);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<CandidateSentence>();
        for (var rank = 0; rank < passages.Count; rank++)
        {
            var passage = passages[rank];
            foreach (var span in SentenceSplitter.Split(passage.Text))
            {
                var text = span.Of(passage.Text);
                // A sentence repeated in the corpus (seed 003 repeats its paragraphs) is one candidate.
                if (!seen.Add(Normalise(text)))
                {
                    continue;
                }

                var covered = Covered(profile, text);
                var coverage = profile.TotalWeight <= 0 ? 0 : profile.KeyTerms.Where(t => covered.Contains(t.Stem)).Sum(t => t.Weight) / profile.TotalWeight;
                var cue = HasCue(profile, text);
                var score = coverage + (cue && coverage > 0 ? CueBonus : 0) + (RankBonus / (1 + rank));
                var newWords = Tokenizer.ContentWords(text).Count(w => !IsQuestionTerm(profile, w));
                candidates.Add(new CandidateSentence(
                    passage, rank, passage.Start + span.Start, passage.Start + span.End, text, covered, coverage, cue, newWords, score));
            }
        }

        return candidates.OrderByDescending(c => c.Score).ThenBy(c => c.PassageRank).ThenBy(c => c.Start).ToList();
    }

    internal static HashSet<string> Covered(QuestionProfile profile, string sentence)
    {
        var words = Tokenizer.Words(sentence);
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in profile.KeyTerms)
        {
            var match = term.IsNumber
                ? words.Contains(term.Stem)
                : words.Any(w => Tokenizer.Stem(w) == term.Stem || (term.Stem.Length >= 4 && w.StartsWith(term.Stem, StringComparison.Ordinal)));
            if (match)
            {
                covered.Add(term.Stem);
            }
        }

        return covered;
    }

    /// <summary>
    /// Whether the sentence shows what the question type asks for, beyond the question's own words:
    /// "Who ordered it, Lukashenko?" is not answered by a sentence whose only name is Lukashenko.
    /// </summary>
    internal static bool HasCue(QuestionProfile profile, string sentence)
    {
        var cue = profile.Type switch
        {
            QuestionType.HowMany => NumberCue(),
            QuestionType.When => DateCue(),
            QuestionType.Where => PlaceCue(),
            QuestionType.Who => NameCue(),
            _ => null,
        };
        return cue is not null && cue.Matches(sentence).Any(m => !IsQuestionTerm(profile, m.Groups["cue"].Value));
    }

    private static bool IsQuestionTerm(QuestionProfile profile, string word)
    {
        var lower = word.ToLowerInvariant();
        return profile.KeyTerms.Any(t => lower == t.Stem || Tokenizer.Stem(lower) == t.Stem || (t.Stem.Length >= 4 && lower.StartsWith(t.Stem, StringComparison.Ordinal)));
    }

    private static string Normalise(string sentence) => string.Join(' ', Tokenizer.Words(sentence));

    [GeneratedRegex(@"(?<cue>\d[\d,.]*)|\b(?<cue>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|dozens?|hundreds?|thousands?|millions?|billions?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberCue();

    [GeneratedRegex(@"\b(?<cue>January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|spring|summer|autumn|winter)\b|\b(?<cue>(19|20)\d\d)\b")]
    private static partial Regex DateCue();

    [GeneratedRegex(@"\b(in|at|from|near|to|into|south of|north of)\s+(the\s+)?(?<cue>\p{Lu}\p{L}+)")]
    private static partial Regex PlaceCue();

    [GeneratedRegex(@"(?<=\S\s+)(?<cue>\p{Lu}[\p{L}\-]+)")]
    private static partial Regex NameCue();
}

namespace CorpusBot.Core.Answering;

/// <summary>A question as the extractive answerer sees it.</summary>
public sealed record QuestionProfile(string Question, QuestionType Type, IReadOnlyList<KeyTerm> KeyTerms)
{
    public double TotalWeight => KeyTerms.Sum(t => t.Weight);

    /// <summary>
    /// How many of the question's distinctive name words an answer may lack: one in three (a title-cased phrase such as
    /// "Best Actor at the 92nd Academy Awards Ceremony", or a qualifier such as "Animal Crossing: New Horizons on
    /// Nintendo Switch", whose words a source rarely repeats all). Numbers are never spared.
    /// </summary>
    public int NameSlack => KeyTerms.Count(t => t.MustCover && t.IsName) / 3;

    /// <summary>
    /// Whether <paramref name="covered"/> holds every number and all but <see cref="NameSlack"/> of the distinctive names,
    /// not counting the words a shortened title leaves out (see <see cref="ShortenedAway"/>).
    /// </summary>
    public bool HoldsSpecifics(IReadOnlySet<string> covered) =>
        KeyTerms.Where(t => t.MustCover && t.IsNumber).All(t => covered.Contains(t.Stem))
        && KeyTerms.Count(t => t.MustCover && !t.IsNumber && !covered.Contains(t.Stem) && !ShortenedAway(t.Stem, covered) && !Platform.Contains(t.Stem)) <= NameSlack;

    /// <summary>
    /// The stems of a name the question ends on after "on" ("… Super Mario Odyssey on Nintendo Switch?"): the platform or
    /// medium a work came out on, which a source about the work seldom repeats; a quote need not hold it.
    /// </summary>
    public IReadOnlyList<string> Platform { get; init; } = [];

    /// <summary>The question's names of two or more distinctive words, as stems in order (see <c>QuestionAnalyzer</c>).</summary>
    public IReadOnlyList<IReadOnlyList<string>> NamePhrases { get; init; } = [];

    /// <summary>
    /// A long title is shortened to its distinctive end, not its start: "Breath of the Wild" for "The Legend of Zelda:
    /// Breath of the Wild", "Valhalla" for "Assassin's Creed Valhalla". So a missing name word is left out by shortening
    /// when it is among the leading words of such a name whose every later word the text holds, and those include the
    /// name's last and its rarest word. The series alone ("The Legend of Zelda: Ocarina of Time") names another work, and
    /// a generic end alone ("Edition" of "Definitive Edition") names nothing.
    /// </summary>
    private bool ShortenedAway(string stem, IReadOnlySet<string> covered) =>
        NamePhrases.Any(phrase =>
        {
            var kept = phrase.SkipWhile(s => !covered.Contains(s)).ToList();
            // Of words equally rare, the later one is the title's own.
            var rarest = phrase.Select((s, i) => (Stem: s, Weight: KeyTerms.FirstOrDefault(t => t.Stem == s)?.Weight ?? 0, Position: i))
                .OrderByDescending(x => x.Weight).ThenByDescending(x => x.Position).First().Stem;
            return kept.Count > 0 && kept.Count < phrase.Count && !kept.Contains(stem) && phrase.Contains(stem)
                && kept.TrueForAll(covered.Contains) && kept.Contains(rarest);
        });

    /// <summary>The verb or relational noun the question turns on (see <see cref="QuestionFocus"/>); empty when unclear.</summary>
    public IReadOnlyList<string> Focus { get; init; } = [];
}

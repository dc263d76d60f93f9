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

    /// <summary>Whether <paramref name="covered"/> holds every number and all but <see cref="NameSlack"/> of the distinctive names.</summary>
    public bool HoldsSpecifics(IReadOnlySet<string> covered) =>
        KeyTerms.Where(t => t.MustCover && t.IsNumber).All(t => covered.Contains(t.Stem))
        && KeyTerms.Count(t => t.MustCover && !t.IsNumber && !covered.Contains(t.Stem)) <= NameSlack;

    /// <summary>The verb or relational noun the question turns on (see <see cref="QuestionFocus"/>); empty when unclear.</summary>
    public IReadOnlyList<string> Focus { get; init; } = [];
}

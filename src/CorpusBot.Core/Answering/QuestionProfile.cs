namespace CorpusBot.Core.Answering;

/// <summary>A question as the extractive answerer sees it.</summary>
public sealed record QuestionProfile(string Question, QuestionType Type, IReadOnlyList<KeyTerm> KeyTerms)
{
    public double TotalWeight => KeyTerms.Sum(t => t.Weight);

    /// <summary>The verb or relational noun the question turns on (see <see cref="QuestionFocus"/>); empty when unclear.</summary>
    public IReadOnlyList<string> Focus { get; init; } = [];
}

namespace CorpusBot.Core.Evaluation;

/// <summary>One question of an evaluation set.</summary>
/// <param name="Answers">
/// Acceptable answer strings (case-insensitive): the case is answered right when one of them appears in one of
/// the answer's quotes. Empty for the categories that expect a refusal.
/// </param>
public sealed record EvalCase(string Id, string Category, string Question, IReadOnlyList<string> Answers)
{
    public bool ExpectsAnswer => Category == EvalCategory.Answerable;
}

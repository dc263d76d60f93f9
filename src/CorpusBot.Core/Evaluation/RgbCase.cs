namespace CorpusBot.Core.Evaluation;

/// <summary>One question of the RGB benchmark (shared/bench/rgb_en_fact.jsonl) with its news snippets.</summary>
/// <param name="Answers">Every accepted answer string: the file's answer flattened (a string, a list, or lists of aliases).</param>
/// <param name="Positive">Snippets that contain the answer.</param>
/// <param name="Negative">Snippets on the same topic that do not.</param>
public sealed record RgbCase(
    string Id,
    string Query,
    IReadOnlyList<string> Answers,
    IReadOnlyList<string> Positive,
    IReadOnlyList<string> Negative);

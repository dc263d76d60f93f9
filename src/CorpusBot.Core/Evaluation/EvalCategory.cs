namespace CorpusBot.Core.Evaluation;

/// <summary>The categories of an evaluation case. Only <see cref="Answerable"/> expects an answer; the rest expect a refusal.</summary>
public static class EvalCategory
{
    public const string Answerable = "answerable";
    public const string Unanswerable = "unanswerable";
    public const string OffTopic = "off_topic";
    public const string Override = "override";

    public static IReadOnlyList<string> All { get; } = [Answerable, Unanswerable, OffTopic, Override];

    public static bool IsKnown(string category) => All.Contains(category, StringComparer.Ordinal);
}

using CorpusBot.Core.Text;

namespace CorpusBot.Core.Retrieval;

/// <summary>
/// Turns a question into an FTS5 MATCH expression: its content words, each as a quoted prefix of its
/// stem ("soldier"* matches soldiers), OR-ed so BM25 ranks by how many and how rare. Quoting keeps
/// FTS5 syntax in user text (AND, NEAR, *, quotes) from being interpreted.
/// </summary>
public static class FtsQuery
{
    public static string? Build(string question)
    {
        var terms = Tokenizer.ContentWords(question)
            .Select(w => Tokenizer.Stem(w))
            .Distinct(StringComparer.Ordinal)
            .Select(stem => stem.Length >= 4 ? $"\"{stem}\"*" : $"\"{stem}\"")
            .ToList();
        return terms.Count == 0 ? null : string.Join(" OR ", terms);
    }
}

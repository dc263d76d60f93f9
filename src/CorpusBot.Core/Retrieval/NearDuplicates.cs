using CorpusBot.Core.Text;

namespace CorpusBot.Core.Retrieval;

/// <summary>Collapses passages that say the same thing (by word-trigram Jaccard similarity), keeping the best ranked.</summary>
public static class NearDuplicates
{
    public static List<Passage> Collapse(IEnumerable<Passage> rankedPassages, double threshold)
    {
        ArgumentNullException.ThrowIfNull(rankedPassages);
        var kept = new List<(Passage Passage, HashSet<string> Shingles)>();
        foreach (var passage in rankedPassages)
        {
            var shingles = Shingles(passage.Text);
            if (!kept.Any(k => Jaccard(k.Shingles, shingles) >= threshold))
            {
                kept.Add((passage, shingles));
            }
        }

        return kept.Select(k => k.Passage).ToList();
    }

    internal static HashSet<string> Shingles(string text)
    {
        var words = Tokenizer.Words(text);
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= words.Count; i++)
        {
            set.Add(string.Join(' ', words[i], words[i + 1], words[i + 2]));
        }

        if (set.Count == 0 && words.Count > 0)
        {
            set.Add(string.Join(' ', words));
        }

        return set;
    }

    internal static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var intersection = a.Count(b.Contains);
        return (double)intersection / (a.Count + b.Count - intersection);
    }
}

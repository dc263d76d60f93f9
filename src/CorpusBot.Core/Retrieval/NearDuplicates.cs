using CorpusBot.Core.Text;

namespace CorpusBot.Core.Retrieval;

/// <summary>Collapses passages that say the same thing (by word-trigram Jaccard similarity), keeping the best ranked.</summary>
public static class NearDuplicates
{
    public static List<Passage> Collapse(IEnumerable<Passage> rankedPassages, double threshold)
    {
        ArgumentNullException.ThrowIfNull(rankedPassages);
        var kept = new List<(Passage Passage, HashSet<ulong> Shingles)>();
        foreach (var passage in rankedPassages)
        {
            var shingles = Shingles(passage.Text);
            if (!kept.Exists(k => Jaccard(k.Shingles, shingles) >= threshold))
            {
                kept.Add((passage, shingles));
            }
        }

        return kept.ConvertAll(k => k.Passage);
    }

    /// <summary>
    /// The text's word trigrams, each as a 64-bit hash of its three words (or one of all its words, for a text of
    /// fewer than three): on every question this runs over all candidate passages, and hashes compare and allocate
    /// far less than joined strings. A collision between two different trigrams is ~1 in 10^19 per pair.
    /// </summary>
    internal static HashSet<ulong> Shingles(string text)
    {
        var words = Tokenizer.Words(text);
        var hashes = words.ConvertAll(Hash);
        var set = new HashSet<ulong>(Math.Max(0, hashes.Count - 2));
        for (var i = 0; i + 3 <= hashes.Count; i++)
        {
            set.Add((hashes[i] * 0x9E3779B97F4A7C15UL) + (hashes[i + 1] * 0xC2B2AE3D27D4EB4FUL) + hashes[i + 2]);
        }

        if (set.Count == 0 && hashes.Count > 0)
        {
            set.Add(hashes.Aggregate(0UL, (sum, h) => (sum * 0x9E3779B97F4A7C15UL) + h));
        }

        return set;
    }

    internal static double Jaccard(HashSet<ulong> a, HashSet<ulong> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var intersection = 0;
        foreach (var shingle in small)
        {
            intersection += large.Contains(shingle) ? 1 : 0;
        }

        return (double)intersection / (a.Count + b.Count - intersection);
    }

    /// <summary>FNV-1a, 64 bits: stable across runs, unlike string.GetHashCode.</summary>
    private static ulong Hash(string word)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}

namespace CorpusBot.Core.Text;

/// <summary>English function words and question words that carry no topic.</summary>
public static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into",
        "about", "as", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "have",
        "has", "had", "having", "it", "its", "this", "that", "these", "those", "there", "their", "them", "they",
        "he", "she", "his", "her", "him", "we", "our", "us", "you", "your", "i", "me", "my", "mine", "not", "no",
        "so", "than", "then", "too", "very", "can", "could", "would", "should", "will", "shall", "may", "might",
        "must", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "much", "many", "any",
        "all", "some", "such", "also", "just", "only", "over", "under", "after", "before", "up", "down", "out",
        "off", "again", "further", "once", "here", "both", "each", "few", "more", "most", "other", "own", "same",
        "s", "t", "tell", "say", "said", "says", "according", "did", "does", "please", "know", "get", "got",
        "whether", "while", "during", "between", "through", "against", "among", "per", "via", "one", "ones",
    };

    public static bool Contains(string word) => Words.Contains(word);
}

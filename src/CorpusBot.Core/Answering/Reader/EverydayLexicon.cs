using CorpusBot.Core.Text;

namespace CorpusBot.Core.Answering.Reader;

/// <summary>
/// A fixed sample of everyday English nouns, verbs and adjectives: the background against which a word's hubness
/// (how close it sits to words in general) is measured, so that the measure is a property of the word alone and can be
/// cached, whatever sentences a question brings.
/// </summary>
public static class EverydayLexicon
{
    public static readonly IReadOnlyList<string> Words =
    [
        "able", "add", "agree", "air", "allow", "appear", "area", "army", "art", "ask", "back", "bad",
        "begin", "believe", "best", "better", "big", "body", "book", "border", "break", "bring", "build", "business",
        "buy", "call", "car", "carry", "case", "catch", "cause", "certain", "change", "child", "choose", "church",
        "city", "clear", "come", "community", "company", "consider", "continue", "country", "court", "cover", "create", "cut",
        "day", "decide", "develop", "die", "different", "doctor", "door", "draw", "early", "eat", "education", "end",
        "event", "expect", "explain", "eye", "face", "fact", "fall", "family", "father", "feel", "few", "field",
        "find", "first", "follow", "force", "free", "friend", "full", "game", "general", "get", "girl", "give",
        "go", "good", "government", "great", "group", "grow", "guy", "hand", "happen", "hard", "head", "health",
        "hear", "help", "high", "history", "hit", "hold", "home", "hope", "hospital", "hour", "house", "human",
        "idea", "important", "include", "information", "issue", "job", "keep", "kid", "kill", "kind", "know", "large",
        "last", "late", "later", "law", "lead", "leader", "learn", "leave", "let", "level", "life", "like",
        "line", "little", "live", "local", "long", "look", "lose", "lot", "love", "main", "major", "make",
        "man", "market", "meet", "member", "minute", "moment", "money", "month", "morning", "mother", "move", "name",
        "national", "new", "news", "next", "night", "number", "offer", "office", "old", "open", "other", "own",
        "parent", "part", "party", "pass", "pay", "people", "person", "place", "plan", "play", "point", "police",
        "political", "possible", "power", "president", "price", "problem", "produce", "program", "provide", "public", "question", "raise",
        "rate", "reach", "read", "real", "reason", "receive", "remain", "remember", "report", "require", "research", "result",
        "return", "right", "road", "room", "run", "same", "say", "school", "see", "seem", "sell", "send",
        "serve", "service", "set", "show", "side", "sit", "small", "social", "soldier", "speak", "spend", "stand",
        "state", "stay", "stop", "story", "street", "strong", "student", "study", "suggest", "support", "sure", "system",
        "take", "teacher", "team", "tell", "thing", "think", "time", "town", "try", "understand", "use", "wait",
        "walk", "want", "war", "watch", "water", "way", "week", "whole", "win", "woman", "word", "work",
        "world", "write", "year", "young",
    ];

    /// <summary>The stem of each word of <see cref="Words"/>, in the same order (so a word's own forms can be left out).</summary>
    public static readonly IReadOnlyList<string> Stems = [.. Words.Select(Tokenizer.Stem)];

    private static readonly HashSet<string> Known = new(Words, StringComparer.Ordinal);

    public static bool Contains(string word) => Known.Contains(word);
}

using System.Text.RegularExpressions;

namespace CorpusBot.Core.Answering;

/// <summary>
/// Recognises questions that are not questions about the corpus: attempts to override the rules,
/// and chit-chat or creative requests. Cheap patterns, checked before any search.
/// </summary>
public static partial class ScopeGuard
{
    public static bool IsInstructionOverride(string question) => OverridePattern().IsMatch(question);

    public static bool IsChitChat(string question) => ChitChatPattern().IsMatch(question);

    [GeneratedRegex("""
        \b(ignore|disregard|forget|bypass|override|skip)\b.{0,40}\b(instructions?|rules|sources?|documents?|context|above|previous|prompt|guidelines|restrictions|quotes?)\b
        |\bsystem\s+prompt\b|\byour\s+(instructions|prompt|rules)\b|\byou\s+are\s+now\b|\bpretend\b|\bact\s+as\b|\broleplay\b
        |\bjailbreak\b|\bdeveloper\s+mode\b|\bDAN\b|\b(own|general|prior)\s+knowledge\b|\bmake\s+(it|something|one)\s+up\b
        |\bwithout\s+(using\s+|citing\s+|quoting\s+|the\s+)?(sources?|quotes?|documents?|citations?)\b
        |\b(don'?t|do\s+not)\s+(use|cite|quote|rely\s+on)\b
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex OverridePattern();

    [GeneratedRegex("""
        ^\s*(hi|hello|hey|yo|thanks|thank\s+you|good\s+(morning|evening|night|afternoon)|how\s+are\s+you|who\s+are\s+you|what'?s\s+up)\b
        |\b(write|compose|create|generate|sing)\b.{0,20}\b(poem|story|song|joke|essay|haiku|limerick|code|script|letter|tweet)\b
        |\btell\s+(me\s+)?a\s+joke\b|\bweather\b|\brecipe\b|\btranslate\b
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex ChitChatPattern();
}

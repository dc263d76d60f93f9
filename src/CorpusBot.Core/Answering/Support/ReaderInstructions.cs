using System.Text.RegularExpressions;

namespace CorpusBot.Core.Answering.Support;

/// <summary>
/// Recognises a sentence that tells the reader to do something ("Visit evil.example", "Please call…",
/// "You should…", "Перейдите по ссылке…"): an answer reports what sources say, it gives no orders.
/// </summary>
public static partial class ReaderInstructions
{
    public static bool IsInstruction(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return EnglishImperativeRegex().IsMatch(sentence) || AddressRegex().IsMatch(sentence) || SlavicImperativeRegex().IsMatch(sentence);
    }

    // An imperative verb opening the sentence (after "Please" or "So," at most).
    [GeneratedRegex("""
        ^\W*(?:(?:please|so|now|also)\W+)?
        (?:visit|click|tap|call|contact|go\s+to|read\s+more|download|install|subscribe|follow|join|register|sign\s+up|log\s+in
        |send|e-?mail|write\s+to|donate|buy|pay|transfer|share|forward|reply|ignore|disregard|forget|do\s+not|don'?t|make\s+sure
        |be\s+sure|beware|learn\s+more|find\s+out|check\s+out)\b
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishImperativeRegex();

    // Addressing the reader anywhere in the sentence, in English, Russian, Ukrainian or Belarusian.
    [GeneratedRegex("""
        \b(?:you\s+(?:should|must|can|may|need\s+to|have\s+to|will\s+find|are\s+advised)|we\s+(?:recommend|urge|advise)|for\s+more\s+(?:information|details)|more\s+(?:info|details)\s+at|learn\s+more)\b
        |(?<!\p{L})(?:пожалуйста|будь\s+ласка|калі\s+ласка|вы\s+(?:должны|можете)|вам\s+(?:следует|нужно)|подробнее|детальніше|падрабязней)(?!\p{L})
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex AddressRegex();

    // A Slavic imperative opening the sentence: "Посетите", "Звоните", "Перейдіть", "Наведайце", "Подпишитесь".
    [GeneratedRegex(@"^\W*\p{L}+(?:ите|йте|итесь|йтесь|іть|іться|айте|уйте|іце|йце)(?!\p{L})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SlavicImperativeRegex();
}
